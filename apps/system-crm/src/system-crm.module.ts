import { Module } from '@nestjs/common';
import { type AppDefinition } from '@concord/platform';
import { DiagnosticsController } from './diagnostics/diagnostics.controller.js';
@Module({
  controllers: [DiagnosticsController],
})
export class SystemCrmModule {}

export const SYSTEM_CRM_APP: AppDefinition = { name: 'system-crm', imports: [SystemCrmModule] };
