import { Module } from '@nestjs/common';
import { type AppDefinition } from '@concord/platform';
import { PROCESS_ONBOARDING_PROVIDER } from './common/process-onboarding.provider.js';
import { CustomerValidationController } from './customer-validation/customer-validation.controller.js';
import { CustomersController } from './customers/customers.controller.js';
import { CustomersV2Controller } from './customers-v2/customers-v2.controller.js';
import { GetCustomerUseCase } from './customers/get-customer.usecase.js';
import { ListCustomersUseCase } from './customers/list-customers.usecase.js';
import { RegisterCustomerUseCase } from './customers/register-customer.usecase.js';
import { GetOnboardingStatusUseCase } from './onboardings/get-onboarding-status.usecase.js';
import { OnboardingsController } from './onboardings/onboardings.controller.js';
import { WebhooksModule } from './webhooks/webhooks.module.js';
import { OAuthModule } from './oauth/oauth.module.js';
import { QuotasModule } from './quotas/quotas.module.js';
import { ServiceStatusController } from './service-status/service-status.controller.js';

@Module({
  controllers: [
    CustomerValidationController,
    CustomersController,
    CustomersV2Controller,
    OnboardingsController,
    ServiceStatusController,
  ],
  providers: [
    PROCESS_ONBOARDING_PROVIDER,
    RegisterCustomerUseCase,
    ListCustomersUseCase,
    GetCustomerUseCase,
    GetOnboardingStatusUseCase,
  ],
})
export class ExperiencePartnerModule {}

export const EXPERIENCE_PARTNER_APP: AppDefinition = {
  name: 'experience-partner',
  // Feature modules are listed here directly so the route-policy check sees every controller.
  imports: [ExperiencePartnerModule, WebhooksModule, QuotasModule, OAuthModule],
  diagnostics: false,
  // The partner edge consumes partner events and delivers webhooks.
  queues: true,
};
