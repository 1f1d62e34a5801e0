import { Injectable } from '@nestjs/common';
import { ErrorCode, ProcessOnboardingClient } from '@concord/contracts';
import { ConcordException } from '@concord/governance';
import { type PartnerCustomerDto } from './customers.dto.js';
import { toPartnerCustomer } from './partner-view.mapper.js';

/** One of the partner's customers; another partner's customer is as unknown as a missing one. */
@Injectable()
export class GetCustomerUseCase {
  constructor(private readonly onboarding: ProcessOnboardingClient) {}

  async execute(partnerId: string, customerId: string): Promise<PartnerCustomerDto> {
    const page = await this.onboarding.partnerOnboardings(partnerId, { concordId: customerId, limit: 1 });
    const latest = page.items[0];
    if (!latest) {
      throw new ConcordException(ErrorCode.NOT_FOUND, `No customer ${customerId}`, [
        { path: 'id', message: 'unknown' },
      ]);
    }
    return toPartnerCustomer(latest);
  }
}
