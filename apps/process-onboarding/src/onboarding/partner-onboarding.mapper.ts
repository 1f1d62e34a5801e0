import { type PartnerOnboardingDto, type PartnerOnboardingSummaryDto } from './partner-onboarding.dto.js';
import { type PartnerFlowRow, type PartnerFlowSummaryRow } from './partner-flow.repository.js';

/** A partner's view of a flow: the canonical customer, step outcomes and the rejection reason. */
export function toPartnerOnboarding(row: PartnerFlowRow): PartnerOnboardingDto {
  return {
    onboardingId: row.id,
    concordId: row.concordId,
    state: row.state,
    customer: row.validatedCustomer ?? row.input.customer ?? {},
    steps: row.steps,
    ...(row.rejection ? { message: row.rejection } : {}),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** A list entry: the customer's name, country and legal name, where the flow stands, and when. */
export function toPartnerOnboardingSummary(row: PartnerFlowSummaryRow): PartnerOnboardingSummaryDto {
  return {
    onboardingId: row.id,
    concordId: row.concordId,
    state: row.state,
    customer: row.customer,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
