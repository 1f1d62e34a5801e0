import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toPartnerOnboarding, toPartnerOnboardingSummary } from './partner-onboarding.mapper.js';
import { type PartnerFlowRow } from './partner-flow.repository.js';

const row = (overrides: Partial<PartnerFlowRow>): PartnerFlowRow => ({
  id: 'f-1',
  concordId: 'c-1',
  state: 'erp',
  input: { customer: { name: ' Contoso GmbH ', country: 'de' } },
  validatedCustomer: null,
  rejection: null,
  steps: [{ name: 'validate', outcome: 'CONFIRMED', finishedAt: '2025-03-04T10:15:02.123Z' }],
  createdAt: '2025-03-04T10:15:00.000Z',
  updatedAt: '2025-03-04T10:15:02.000Z',
  position: '2025-03-04T10:15:00.000123Z',
  ...overrides,
});

describe('toPartnerOnboarding', () => {
  it('prefers the validated canonical customer and answers the steps as read', () => {
    const view = toPartnerOnboarding(row({ validatedCustomer: { name: 'Contoso GmbH', country: 'DE' } }));
    assert.deepEqual(view.customer, { name: 'Contoso GmbH', country: 'DE' });
    assert.deepEqual(view.steps, [
      { name: 'validate', outcome: 'CONFIRMED', finishedAt: '2025-03-04T10:15:02.123Z' },
    ]);
    assert.equal(view.createdAt, '2025-03-04T10:15:00.000Z');
    assert.equal('message' in view, false);
  });

  it('falls back to the customer as received and carries a rejection reason', () => {
    const view = toPartnerOnboarding(
      row({ state: 'rejected', rejection: 'ERP rejected the customer: invalid data' }),
    );
    assert.deepEqual(view.customer, { name: ' Contoso GmbH ', country: 'de' });
    assert.equal(view.message, 'ERP rejected the customer: invalid data');
  });
});

describe('toPartnerOnboardingSummary', () => {
  it('names the flow and carries its customer fields', () => {
    const summary = toPartnerOnboardingSummary({
      id: 'f-2',
      concordId: 'c-2',
      state: 'synced',
      customer: { name: 'Contoso GmbH', country: 'DE' },
      createdAt: '2025-03-04T10:15:00.000Z',
      updatedAt: '2025-03-04T10:15:02.000Z',
      position: '2025-03-04T10:15:00.000123Z',
    });
    assert.deepEqual(summary, {
      onboardingId: 'f-2',
      concordId: 'c-2',
      state: 'synced',
      customer: { name: 'Contoso GmbH', country: 'DE' },
      createdAt: '2025-03-04T10:15:00.000Z',
      updatedAt: '2025-03-04T10:15:02.000Z',
    });
  });
});
