import { Module } from '@nestjs/common';
import { type AppDefinition } from '@concord/platform';
@Module({
  controllers: [],
})
export class ExperienceOpsModule {}

export const EXPERIENCE_OPS_APP: AppDefinition = { name: 'experience-ops', imports: [ExperienceOpsModule] };
