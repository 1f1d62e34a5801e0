import { Module } from '@nestjs/common';
import { type AppDefinition } from '@concord/platform';
import { CustomerValidationController } from './customer-validation/customer-validation.controller.js';
import { ValidateCustomerUseCase } from './customer-validation/validate-customer.usecase.js';
import { CrmChangesModule } from './crm-changes/crm-changes.module.js';
import { CustomersModule } from './customers/customers.module.js';
import { OnboardingModule } from './onboarding/onboarding.module.js';
import { StewardRetryModule } from './steward-retry/steward-retry.module.js';

@Module({
  imports: [OnboardingModule, CustomersModule, CrmChangesModule, StewardRetryModule],
  controllers: [CustomerValidationController],
  providers: [ValidateCustomerUseCase],
})
export class ProcessOnboardingModule {}

export const PROCESS_ONBOARDING_APP: AppDefinition = {
  name: 'process-onboarding',
  imports: [ProcessOnboardingModule],
  queues: true,
};
