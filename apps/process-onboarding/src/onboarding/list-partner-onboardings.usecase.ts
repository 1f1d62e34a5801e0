import { Injectable } from '@nestjs/common';
import {
  DEFAULT_PARTNER_PAGE,
  type PartnerOnboardingPageDto,
  type PartnerOnboardingsQueryDto,
} from './partner-onboarding.dto.js';
import { toPartnerOnboarding } from './partner-onboarding.mapper.js';
import { decodeFlowCursor, encodeFlowCursor } from './partner-flow-cursor.util.js';
import { PartnerFlowRepository } from './partner-flow.repository.js';

/** A partner's onboardings, newest first, a page at a time. */
@Injectable()
export class ListPartnerOnboardingsUseCase {
  constructor(private readonly flows: PartnerFlowRepository) {}

  async execute(partnerId: string, query: PartnerOnboardingsQueryDto): Promise<PartnerOnboardingPageDto> {
    const after = decodeFlowCursor(query.cursor);
    const limit = query.limit ?? DEFAULT_PARTNER_PAGE;
    // One row more than asked tells whether another page follows.
    const rows = await this.flows.page(partnerId, {
      limit: limit + 1,
      ...(after ? { after } : {}),
      ...(query.concordId ? { concordId: query.concordId } : {}),
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(toPartnerOnboarding),
      ...(rows.length > limit && last
        ? { nextCursor: encodeFlowCursor({ createdAt: last.position, id: last.id }) }
        : {}),
    };
  }
}
