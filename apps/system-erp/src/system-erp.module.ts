import { Module } from '@nestjs/common';
import { type AppDefinition } from '@concord/platform';
import { DiagnosticsController } from './diagnostics/diagnostics.controller.js';
@Module({
  controllers: [DiagnosticsController],
})
export class SystemErpModule {}

export const SYSTEM_ERP_APP: AppDefinition = { name: 'system-erp', imports: [SystemErpModule] };
