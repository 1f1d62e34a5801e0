import { Module } from '@nestjs/common';
import { CrmChangesModule } from '../crm-changes/crm-changes.module.js';
import { OnboardingModule } from '../onboarding/onboarding.module.js';
import { FlowResumeRepository } from './flow-resume.repository.js';
import { ResubmitExceptionUseCase } from './resubmit-exception.usecase.js';
import { RetryingExceptionRepository } from './retrying-exception.repository.js';
import { StewardRetryPoller } from './steward-retry.poller.js';

/** Steward retries (trigger c): exceptions sent back from the ops API re-run their onboarding. */
@Module({
  imports: [OnboardingModule, CrmChangesModule],
  providers: [
    RetryingExceptionRepository,
    FlowResumeRepository,
    ResubmitExceptionUseCase,
    StewardRetryPoller,
  ],
})
export class StewardRetryModule {}
