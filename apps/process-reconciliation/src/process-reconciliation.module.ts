import { Module } from '@nestjs/common';
import { type AppDefinition } from '@concord/platform';
import { DiagnosticsController } from './diagnostics/diagnostics.controller.js';
@Module({
  controllers: [DiagnosticsController],
})
export class ProcessReconciliationModule {}

export const PROCESS_RECONCILIATION_APP: AppDefinition = { name: 'process-reconciliation', imports: [ProcessReconciliationModule], queues: true };
