import { Module } from '@nestjs/common';
import { SystemBillingClient, SystemCrmClient, SystemErpClient } from '@concord/contracts';
import { ValidateCustomerUseCase } from '../customer-validation/validate-customer.usecase.js';
import { CustomerCandidatesRepository } from '../matching/customer-candidates.repository.js';
import { CustomerMatcher } from '../matching/customer-matcher.service.js';
import { MatchController } from '../matching/match.controller.js';
import { loadMatchConfig, MATCH_CONFIG } from '../matching/match.config.js';
import { CanonicalCustomerValidator } from './canonical-customer.validator.js';
import { CanonicalCustomerService } from './canonical-customer.service.js';
import { CrmAccountService } from './crm-account.service.js';
import { CrmWritebackService } from './crm-writeback.service.js';
import { FlowCustomerService } from './flow-customer.service.js';
import { DuplicateReviewRepository } from './duplicate-review.repository.js';
import { MatchDecisionUseCase } from './match-decision.usecase.js';
import { MatchStepService } from './match-step.service.js';
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
import { PartnerOnboardingSummariesController } from './partner-onboarding-summaries.controller.js';
import { PartnerOnboardingsController } from './partner-onboardings.controller.js';
import { RunOnboardingStepUseCase } from './run-onboarding-step.usecase.js';
import { StartOnboardingUseCase } from './start-onboarding.usecase.js';
import { SYSTEM_CLIENT_PROVIDERS } from './system-clients.providers.js';

@Module({
  controllers: [
    OnboardingController,
    PartnerOnboardingsController,
    PartnerOnboardingSummariesController,
    MatchController,
  ],
  providers: [
    ...SYSTEM_CLIENT_PROVIDERS,
    { provide: MATCH_CONFIG, useFactory: () => loadMatchConfig() },
    CustomerCandidatesRepository,
    CustomerMatcher,
    CanonicalCustomerService,
    CrmAccountService,
    FlowCustomerService,
    CrmWritebackService,
    MatchStepService,
    MatchDecisionUseCase,
    DuplicateReviewRepository,
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
  // The other triggers of the saga (CRM changes, steward retries) start and resume flows through these.
  exports: [
    StartOnboardingUseCase,
    OnboardingFlowRepository,
    CanonicalCustomerValidator,
    SystemCrmClient,
    SystemErpClient,
    SystemBillingClient,
  ],
})
export class OnboardingModule {}
