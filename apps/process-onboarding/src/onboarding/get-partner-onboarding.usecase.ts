import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@concord/contracts';
import { ConcordException } from '@concord/governance';
import { type PartnerOnboardingDto } from './partner-onboarding.dto.js';
import { toPartnerOnboarding } from './partner-onboarding.mapper.js';
import { PartnerFlowRepository } from './partner-flow.repository.js';

/** One onboarding of one partner; another partner's flow is as unknown as a missing one. */
@Injectable()
export class GetPartnerOnboardingUseCase {
  constructor(private readonly flows: PartnerFlowRepository) {}

  async execute(partnerId: string, onboardingId: string): Promise<PartnerOnboardingDto> {
    const row = await this.flows.find(partnerId, onboardingId);
    if (!row) {
      throw new ConcordException(ErrorCode.NOT_FOUND, `No onboarding ${onboardingId}`, [
        { path: 'id', message: 'unknown' },
      ]);
    }
    return toPartnerOnboarding(row);
  }
}
