import { type PartnerOnboardingDto } from './partner-onboarding.dto.js';
import { type PartnerFlowRow } from './partner-flow.repository.js';

/** A partner's view of a flow: the canonical customer, step outcomes and the rejection reason. */
export function toPartnerOnboarding(row: PartnerFlowRow): PartnerOnboardingDto {
  return {
    onboardingId: row.id,
    concordId: row.concordId,
    state: row.state,
    customer: row.validatedCustomer ?? row.input.customer ?? {},
    steps: row.steps.map((step) => ({
      name: step.name,
      outcome: step.outcome,
      // json_build_object renders timestamptz as `…+00:00` with microseconds; answer ISO like elsewhere.
      finishedAt: step.finishedAt ? new Date(step.finishedAt).toISOString() : null,
    })),
    ...(row.rejection ? { message: row.rejection } : {}),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
