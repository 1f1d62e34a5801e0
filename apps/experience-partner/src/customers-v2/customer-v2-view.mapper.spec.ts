import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type PartnerOnboarding } from '@concord/contracts';
import { toPartnerCustomer } from '../customers/partner-view.mapper.js';
import { toCustomerSummaryV2, toPartnerCustomerV2 } from './customer-v2-view.mapper.js';

const flow = (customer: Record<string, unknown>): PartnerOnboarding => ({
  onboardingId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  concordId: '5b0c7c1e-8a57-4f0b-9a54-0d9f3d1b2c11',
  state: 'synced',
  customer,
  steps: [{ name: 'crm-writeback', outcome: 'CONFIRMED', finishedAt: '2025-03-04T10:15:04.870Z' }],
  createdAt: '2025-03-04T10:15:00.000Z',
  updatedAt: '2025-03-04T10:15:04.900Z',
});
const base = { country: 'DE', currency: 'EUR', taxId: 'DE136695976' };

void describe('version 2 views of stored customers', () => {
  void it('lists a customer registered with both names under both', () => {
    const summary = toCustomerSummaryV2(
      flow({ ...base, name: 'Contoso', legalName: 'Contoso Deutschland GmbH' }),
    );
    assert.deepEqual(summary, {
      customerId: '5b0c7c1e-8a57-4f0b-9a54-0d9f3d1b2c11',
      legalName: 'Contoso Deutschland GmbH',
      displayName: 'Contoso',
      country: 'DE',
      status: 'synced',
      onboardingId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
      updatedAt: '2025-03-04T10:15:04.900Z',
    });
  });

  void it('lists a version 1 customer without a legal name with its name as both', () => {
    const summary = toCustomerSummaryV2(flow({ ...base, name: 'Fabrikam' }));
    assert.deepEqual([summary.legalName, summary.displayName], ['Fabrikam', 'Fabrikam']);
  });

  void it('shows the profile in version 2 and keeps the rest of the view', () => {
    const v1 = toPartnerCustomer(flow({ ...base, name: 'Contoso', legalName: 'Contoso Deutschland GmbH' }));
    const v2 = toPartnerCustomerV2(v1);
    assert.deepEqual(v2.profile, { ...base, legalName: 'Contoso Deutschland GmbH', displayName: 'Contoso' });
    const { profile: _v1, ...rest1 } = v1;
    const { profile: _v2, ...rest2 } = v2;
    assert.deepEqual(rest2, rest1);
    assert.equal(v2.lastSyncedAt, '2025-03-04T10:15:04.870Z');
  });
});
