import { Module } from '@nestjs/common';
import { type AppDefinition } from '@concord/platform';
import { DiagnosticsController } from './diagnostics/diagnostics.controller.js';
@Module({
  controllers: [DiagnosticsController],
})
export class SystemBillingModule {}

export const SYSTEM_BILLING_APP: AppDefinition = { name: 'system-billing', imports: [SystemBillingModule] };
