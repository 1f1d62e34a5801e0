import { Module } from '@nestjs/common';
import { type AppDefinition } from '@concord/platform';
@Module({
  controllers: [],
})
export class ProcessReconciliationModule {}

export const PROCESS_RECONCILIATION_APP: AppDefinition = {
  name: 'process-reconciliation',
  imports: [ProcessReconciliationModule],
  queues: true,
};
