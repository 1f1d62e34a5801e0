import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toPartnerOnboarding } from './partner-onboarding.mapper.js';
import { type PartnerFlowRow } from './partner-flow.repository.js';

const row = (overrides: Partial<PartnerFlowRow>): PartnerFlowRow => ({
  id: 'f-1',
  concordId: 'c-1',
  state: 'erp',
  input: { customer: { name: ' Contoso GmbH ', country: 'de' } },
  validatedCustomer: null,
  rejection: null,
  steps: [{ name: 'validate', outcome: 'CONFIRMED', finishedAt: '2025-03-04T10:15:02.123456+00:00' }],
  createdAt: new Date('2025-03-04T10:15:00.000Z'),
  updatedAt: new Date('2025-03-04T10:15:02.000Z'),
  position: '2025-03-04T10:15:00.000123Z',
  ...overrides,
});

describe('toPartnerOnboarding', () => {
  it('prefers the validated canonical customer and answers ISO step times', () => {
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
