import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type PartnerOnboarding } from '@concord/contracts';
import { onboardingKeyFor } from './register-customer.usecase.js';
import {
  systemStatusOf,
  toCustomerSummary,
  toOnboardingStatus,
  toPartnerCustomer,
} from './partner-view.mapper.js';

const flow = (overrides: Partial<PartnerOnboarding>): PartnerOnboarding => ({
  onboardingId: 'f-1',
  concordId: 'c-1',
  state: 'synced',
  customer: { name: 'Contoso GmbH', country: 'DE', currency: 'EUR' },
  steps: [
    { name: 'crm-account', outcome: 'CONFIRMED', finishedAt: '2025-03-04T10:15:01.000Z' },
    { name: 'validate', outcome: 'CONFIRMED', finishedAt: '2025-03-04T10:15:02.000Z' },
    { name: 'erp', outcome: 'CONFIRMED', finishedAt: '2025-03-04T10:15:03.000Z' },
    { name: 'billing', outcome: 'CONFIRMED', finishedAt: '2025-03-04T10:15:04.000Z' },
    { name: 'crm-writeback', outcome: 'CONFIRMED', finishedAt: '2025-03-04T10:15:05.000Z' },
  ],
  createdAt: '2025-03-04T10:15:00.000Z',
  updatedAt: '2025-03-04T10:15:05.000Z',
  ...overrides,
});

describe('partner views of an onboarding', () => {
  it('shows a synced customer as synced everywhere, with the write-back time', () => {
    const view = toPartnerCustomer(flow({}));
    assert.deepEqual(view, {
      customerId: 'c-1',
      profile: { name: 'Contoso GmbH', country: 'DE', currency: 'EUR' },
      onboarding: { id: 'f-1', state: 'synced' },
      erp: { status: 'synced' },
      billing: { status: 'synced' },
      lastSyncedAt: '2025-03-04T10:15:05.000Z',
      owners: { profile: 'crm', legal: 'erp', paymentStatus: 'billing' },
    });
    assert.deepEqual(toCustomerSummary(flow({})), {
      customerId: 'c-1',
      name: 'Contoso GmbH',
      country: 'DE',
      status: 'synced',
      onboardingId: 'f-1',
      updatedAt: '2025-03-04T10:15:05.000Z',
    });
  });

  it('tells which system refused a rejected customer and keeps the reason', () => {
    const rejected = flow({
      state: 'rejected',
      steps: [
        { name: 'erp', outcome: 'CONFIRMED', finishedAt: '2025-03-04T10:15:03.000Z' },
        { name: 'billing', outcome: 'REJECTED', finishedAt: '2025-03-04T10:15:04.000Z' },
      ],
      message: 'Billing rejected the customer: invalid data (taxId: wrong check digits)',
    });
    assert.equal(systemStatusOf(rejected, 'erp'), 'synced');
    assert.equal(systemStatusOf(rejected, 'billing'), 'rejected');
    assert.equal(toPartnerCustomer(rejected).lastSyncedAt, undefined);
    assert.equal(toCustomerSummary(rejected).status, 'rejected');
    assert.equal(toOnboardingStatus(rejected).message, rejected.message);
  });

  it('shows a running flow as pending and a failed one as in review', () => {
    const running = flow({ state: 'erp', steps: [{ name: 'erp', outcome: 'SUBMITTED', finishedAt: null }] });
    assert.equal(toCustomerSummary(running).status, 'pending');
    assert.equal(systemStatusOf(running, 'erp'), 'pending');
    const failed = flow({
      state: 'failed',
      steps: [{ name: 'erp', outcome: 'TIMED_OUT', finishedAt: null }],
    });
    assert.equal(toCustomerSummary(failed).status, 'review');
    assert.equal(systemStatusOf(failed, 'billing'), 'review');
    assert.equal('message' in toOnboardingStatus(failed), false);
  });
});

describe('onboardingKeyFor', () => {
  it('is stable per partner and key, differs across partners, and fits the key rules', () => {
    const key = onboardingKeyFor('partner-1', 'order-42');
    assert.equal(onboardingKeyFor('partner-1', 'order-42'), key);
    assert.notEqual(onboardingKeyFor('partner-2', 'order-42'), key);
    assert.match(key, /^[A-Za-z0-9._:-]{8,255}$/);
  });
});
