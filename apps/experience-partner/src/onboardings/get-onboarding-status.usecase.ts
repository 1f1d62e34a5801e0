import { Injectable } from '@nestjs/common';
import { ProcessOnboardingClient } from '@concord/contracts';
import { toOnboardingStatus } from '../customers/partner-view.mapper.js';
import { type OnboardingStatusDto } from './onboarding-status.dto.js';

/** Where one of the partner's onboardings stands; the process API answers 404 for any other. */
@Injectable()
export class GetOnboardingStatusUseCase {
  constructor(private readonly onboarding: ProcessOnboardingClient) {}

  async execute(partnerId: string, onboardingId: string): Promise<OnboardingStatusDto> {
    return toOnboardingStatus(await this.onboarding.partnerOnboarding(partnerId, onboardingId));
  }
}
