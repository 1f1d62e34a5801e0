import { Injectable } from '@nestjs/common';
import {
  DEFAULT_PARTNER_PAGE,
  type PartnerOnboardingPageDto,
  type PartnerOnboardingSummaryPageDto,
  type PartnerOnboardingsQueryDto,
} from './partner-onboarding.dto.js';
import { toPartnerOnboarding, toPartnerOnboardingSummary } from './partner-onboarding.mapper.js';
import { decodeFlowCursor, encodeFlowCursor } from './partner-flow-cursor.util.js';
import { type FlowPageOptions, PartnerFlowRepository } from './partner-flow.repository.js';

/** A partner's onboardings, newest first, a page at a time, in full or as summaries. */
@Injectable()
export class ListPartnerOnboardingsUseCase {
  constructor(private readonly flows: PartnerFlowRepository) {}

  async execute(partnerId: string, query: PartnerOnboardingsQueryDto): Promise<PartnerOnboardingPageDto> {
    return pageOf(query, (options) => this.flows.page(partnerId, options), toPartnerOnboarding);
  }

  async summaries(
    partnerId: string,
    query: PartnerOnboardingsQueryDto,
  ): Promise<PartnerOnboardingSummaryPageDto> {
    return pageOf(query, (options) => this.flows.summaryPage(partnerId, options), toPartnerOnboardingSummary);
  }
}

async function pageOf<Row extends { id: string; position: string }, Item>(
  query: PartnerOnboardingsQueryDto,
  read: (options: FlowPageOptions) => Promise<Row[]>,
  map: (row: Row) => Item,
): Promise<{ items: Item[]; nextCursor?: string }> {
  const after = decodeFlowCursor(query.cursor);
  const limit = query.limit ?? DEFAULT_PARTNER_PAGE;
  // One row more than asked tells whether another page follows.
  const rows = await read({
    limit: limit + 1,
    ...(after ? { after } : {}),
    ...(query.concordId ? { concordId: query.concordId } : {}),
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(map),
    ...(rows.length > limit && last
      ? { nextCursor: encodeFlowCursor({ createdAt: last.position, id: last.id }) }
      : {}),
  };
}
