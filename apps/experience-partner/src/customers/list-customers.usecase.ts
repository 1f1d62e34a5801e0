import { Injectable } from '@nestjs/common';
import { type PartnerOnboardingSummaryPage, ProcessOnboardingClient } from '@concord/contracts';
import { type CustomerListQueryDto, type CustomerPageDto, DEFAULT_CUSTOMER_PAGE } from './customers.dto.js';
import { toCustomerSummary } from './partner-view.mapper.js';

/** The partner's customers, newest registration first, with where each stands. */
@Injectable()
export class ListCustomersUseCase {
  constructor(private readonly onboarding: ProcessOnboardingClient) {}

  async execute(partnerId: string, query: CustomerListQueryDto): Promise<CustomerPageDto> {
    const page = await this.page(partnerId, query);
    return {
      items: page.items.map(toCustomerSummary),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    };
  }

  /** The page of onboardings behind a page of customers, for any version's view of them. */
  page(partnerId: string, query: CustomerListQueryDto): Promise<PartnerOnboardingSummaryPage> {
    return this.onboarding.partnerOnboardingSummaries(partnerId, {
      limit: query.limit ?? DEFAULT_CUSTOMER_PAGE,
      ...(query.cursor ? { cursor: query.cursor } : {}),
    });
  }
}
