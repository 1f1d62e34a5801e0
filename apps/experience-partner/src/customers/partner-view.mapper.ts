import {
  type CustomerV1,
  type PartnerOnboarding,
  type PartnerOnboardingSummary,
  SyncStatus,
} from '@concord/contracts';
import { type OnboardingStatusDto } from '../onboardings/onboarding-status.dto.js';
import { type CustomerSummaryDto, type PartnerCustomerDto } from './customers.dto.js';

/** Where a customer stands for a partner: a failed flow waits for a steward, so it is in review. */
export function syncStatusOf(state: string): SyncStatus {
  switch (state) {
    case 'synced':
      return SyncStatus.Synced;
    case 'rejected':
      return SyncStatus.Rejected;
    case 'failed':
    case 'review':
      return SyncStatus.Review;
    default:
      return SyncStatus.Pending;
  }
}

/** Where the customer stands in one system: its step's outcome, else what ended the flow. */
export function systemStatusOf(flow: PartnerOnboarding, step: 'erp' | 'billing'): SyncStatus {
  const outcome = flow.steps.find((candidate) => candidate.name === step)?.outcome;
  if (outcome === 'CONFIRMED') return SyncStatus.Synced;
  if (outcome === 'REJECTED') return SyncStatus.Rejected;
  return flow.state === 'synced' ? SyncStatus.Pending : syncStatusOf(flow.state);
}

function text(customer: Record<string, unknown>, field: string): string {
  const value = customer[field];
  return typeof value === 'string' ? value : '';
}

export function toCustomerSummary(flow: PartnerOnboardingSummary): CustomerSummaryDto {
  return {
    customerId: flow.concordId,
    name: text(flow.customer, 'name'),
    country: text(flow.customer, 'country'),
    status: syncStatusOf(flow.state),
    onboardingId: flow.onboardingId,
    updatedAt: flow.updatedAt,
  };
}

/** The customer across the three systems, from its latest onboarding; no vendor IDs or payloads. */
export function toPartnerCustomer(flow: PartnerOnboarding): PartnerCustomerDto {
  const writeback = flow.steps.find((step) => step.name === 'crm-writeback');
  const lastSyncedAt =
    flow.state === 'synced' && writeback?.outcome === 'CONFIRMED'
      ? (writeback.finishedAt ?? flow.updatedAt)
      : undefined;
  return {
    customerId: flow.concordId,
    profile: flow.customer as unknown as CustomerV1,
    onboarding: { id: flow.onboardingId, state: flow.state },
    erp: { status: systemStatusOf(flow, 'erp') },
    billing: { status: systemStatusOf(flow, 'billing') },
    ...(lastSyncedAt ? { lastSyncedAt } : {}),
    owners: { profile: 'crm', legal: 'erp', paymentStatus: 'billing' },
  };
}

export function toOnboardingStatus(flow: PartnerOnboarding): OnboardingStatusDto {
  return {
    onboardingId: flow.onboardingId,
    customerId: flow.concordId,
    state: flow.state,
    steps: flow.steps.map((step) => ({
      name: step.name,
      outcome: step.outcome,
      finishedAt: step.finishedAt,
    })),
    ...(flow.message ? { message: flow.message } : {}),
  };
}
