import { Module } from '@nestjs/common';
import { type AppDefinition } from '@concord/platform';
import { DiagnosticsController } from './diagnostics/diagnostics.controller.js';
@Module({
  controllers: [DiagnosticsController],
})
export class ExperienceOpsModule {}

export const EXPERIENCE_OPS_APP: AppDefinition = { name: 'experience-ops', imports: [ExperienceOpsModule] };
