import { Module } from '@nestjs/common';
import { type AppDefinition } from '@concord/platform';
import { CustomerValidationController } from './customer-validation/customer-validation.controller.js';
import { ValidateCustomerUseCase } from './customer-validation/validate-customer.usecase.js';
import { OnboardingModule } from './onboarding/onboarding.module.js';

@Module({
  imports: [OnboardingModule],
  controllers: [CustomerValidationController],
  providers: [ValidateCustomerUseCase],
})
export class ProcessOnboardingModule {}

export const PROCESS_ONBOARDING_APP: AppDefinition = {
  name: 'process-onboarding',
  imports: [ProcessOnboardingModule],
  queues: true,
};
