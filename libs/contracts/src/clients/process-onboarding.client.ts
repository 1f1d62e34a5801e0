import { type CustomerV1 } from '../customer/v1/customer.dto.js';
import { type CustomerValidationResultDto } from '../customer/v1/customer-validation-result.dto.js';
import { type LayerTransport } from './layer-transport.js';
import {
  type OnboardingAccepted,
  type PartnerOnboarding,
  type PartnerOnboardingPage,
  type PartnerOnboardingQuery,
  type PartnerOnboardingSummaryPage,
  type StartOnboardingRequest,
} from './process-onboarding-partner.types.js';

export type * from './process-onboarding-partner.types.js';

/** The onboarding process API as the experience layer calls it. */
export class ProcessOnboardingClient {
  constructor(private readonly transport: LayerTransport) {}

  async validateCustomer(customer: CustomerV1): Promise<CustomerValidationResultDto> {
    const response = await this.transport.request<CustomerValidationResultDto>({
      method: 'POST',
      path: '/v1/customers/validate',
      body: customer,
      operation: 'customers.validate',
      idempotent: true,
    });
    return response.body;
  }

  /** Starts the onboarding saga; the same key and body answer the same onboarding. */
  async startOnboarding(
    request: StartOnboardingRequest,
    idempotencyKey: string,
  ): Promise<OnboardingAccepted> {
    const response = await this.transport.request<OnboardingAccepted>({
      method: 'POST',
      path: '/v1/onboardings',
      body: request,
      headers: { 'idempotency-key': idempotencyKey },
      operation: 'onboardings.start',
      idempotent: true,
    });
    return response.body;
  }

  /** One onboarding of this partner; 404 when it belongs to no such partner. */
  async partnerOnboarding(partnerId: string, onboardingId: string): Promise<PartnerOnboarding> {
    const response = await this.transport.request<PartnerOnboarding>({
      method: 'GET',
      path: `/v1/partners/${encodeURIComponent(partnerId)}/onboardings/${encodeURIComponent(onboardingId)}`,
      operation: 'onboardings.partner-get',
    });
    return response.body;
  }

  /** This partner's onboardings, newest first. */
  async partnerOnboardings(partnerId: string, query: PartnerOnboardingQuery): Promise<PartnerOnboardingPage> {
    const response = await this.transport.request<PartnerOnboardingPage>({
      method: 'GET',
      path: `/v1/partners/${encodeURIComponent(partnerId)}/onboardings`,
      query: { cursor: query.cursor, limit: query.limit, concordId: query.concordId },
      operation: 'onboardings.partner-list',
    });
    return response.body;
  }

  /** The same page as `partnerOnboardings`, with only what a list of customers shows. */
  async partnerOnboardingSummaries(
    partnerId: string,
    query: PartnerOnboardingQuery,
  ): Promise<PartnerOnboardingSummaryPage> {
    const response = await this.transport.request<PartnerOnboardingSummaryPage>({
      method: 'GET',
      path: `/v1/partners/${encodeURIComponent(partnerId)}/onboarding-summaries`,
      query: { cursor: query.cursor, limit: query.limit, concordId: query.concordId },
      operation: 'onboardings.partner-summaries',
    });
    return response.body;
  }
}
