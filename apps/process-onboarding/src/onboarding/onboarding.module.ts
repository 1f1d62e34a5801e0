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
import { RunOnboardingStepUseCase } from './run-onboarding-step.usecase.js';
import { StartOnboardingUseCase } from './start-onboarding.usecase.js';
import { SYSTEM_CLIENT_PROVIDERS } from './system-clients.providers.js';

@Module({
  controllers: [OnboardingController],
  providers: [
    ...SYSTEM_CLIENT_PROVIDERS,
    ValidateCustomerUseCase,
    CanonicalCustomerValidator,
    OnboardingFlowRepository,
    OnboardingMetrics,
    OnboardingStepsService,
    OnboardingRejectionService,
    RunOnboardingStepUseCase,
    OnboardingWorker,
    StartOnboardingUseCase,
    GetOnboardingUseCase,
  ],
})
export class OnboardingModule {}
