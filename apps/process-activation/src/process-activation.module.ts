import { Module } from '@nestjs/common';
import { type AppDefinition } from '@concord/platform';
@Module({
  controllers: [],
})
export class ProcessActivationModule {}

export const PROCESS_ACTIVATION_APP: AppDefinition = {
  name: 'process-activation',
  imports: [ProcessActivationModule],
  queues: true,
};
