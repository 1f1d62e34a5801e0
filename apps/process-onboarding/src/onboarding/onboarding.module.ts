import { Module } from '@nestjs/common';
import { ValidateCustomerUseCase } from '../customer-validation/validate-customer.usecase.js';
import { CanonicalCustomerValidator } from './canonical-customer.validator.js';
import { GetOnboardingUseCase } from './get-onboarding.usecase.js';
import { OnboardingController } from './onboarding.controller.js';
import { OnboardingMetrics } from './onboarding.metrics.js';
import { OnboardingWorker } from './onboarding.worker.js';
import { OnboardingFlowRepository } from './onboarding-flow.repository.js';
import { OnboardingRejectionService } from './onboarding-rejection.service.js';
import { OnboardingStepsService } from './onboarding-steps.service.js';
import { GetPartnerOnboardingUseCase } from './get-partner-onboarding.usecase.js';
import { ListPartnerOnboardingsUseCase } from './list-partner-onboardings.usecase.js';
import { PartnerEventsService } from './partner-events.service.js';
import { PartnerFlowRepository } from './partner-flow.repository.js';
import { PartnerOnboardingsController } from './partner-onboardings.controller.js';
import { RunOnboardingStepUseCase } from './run-onboarding-step.usecase.js';
import { StartOnboardingUseCase } from './start-onboarding.usecase.js';
import { SYSTEM_CLIENT_PROVIDERS } from './system-clients.providers.js';

@Module({
  controllers: [OnboardingController, PartnerOnboardingsController],
  providers: [
    ...SYSTEM_CLIENT_PROVIDERS,
    ValidateCustomerUseCase,
    CanonicalCustomerValidator,
    OnboardingFlowRepository,
    OnboardingMetrics,
    OnboardingStepsService,
    OnboardingRejectionService,
    PartnerEventsService,
    RunOnboardingStepUseCase,
    OnboardingWorker,
    StartOnboardingUseCase,
    GetOnboardingUseCase,
    PartnerFlowRepository,
    ListPartnerOnboardingsUseCase,
    GetPartnerOnboardingUseCase,
  ],
})
export class OnboardingModule {}
