import { Module } from '@nestjs/common';
import { type AppDefinition } from '@concord/platform';
import { CustomerValidationController } from './customer-validation/customer-validation.controller.js';
import { ServiceStatusController } from './service-status/service-status.controller.js';

@Module({
  controllers: [CustomerValidationController, ServiceStatusController],
})
export class ExperiencePartnerModule {}

export const EXPERIENCE_PARTNER_APP: AppDefinition = {
  name: 'experience-partner',
  imports: [ExperiencePartnerModule],
  diagnostics: false,
};
