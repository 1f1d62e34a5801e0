import { Module } from '@nestjs/common';
import { type AppDefinition } from '@concord/platform';
import { DiagnosticsController } from './diagnostics/diagnostics.controller.js';
@Module({
  controllers: [DiagnosticsController],
})
export class ProcessActivationModule {}

export const PROCESS_ACTIVATION_APP: AppDefinition = { name: 'process-activation', imports: [ProcessActivationModule], queues: true };
