import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AdapterError } from '@concord/contracts';
import { SalesforceQuota } from './salesforce-quota.service.js';

describe('Salesforce API allowance', () => {
  it('pauses calls below the 10% reserve and lets one through after the pause', () => {
    let now = 1_000_000;
    const quota = new SalesforceQuota(() => now);
    assert.equal(quota.observe({ used: 80_000, limit: 100_000 }), 20_000);
    quota.assertAvailable('op');
    assert.equal(quota.observe({ used: 95_000, limit: 100_000 }), 5_000);
    assert.throws(
      () => quota.assertAvailable('op'),
      (error: unknown) =>
        error instanceof AdapterError && error.kind === 'Throttled' && error.retryAfterMs === 60_000,
    );
    now += 60_000;
    quota.assertAvailable('op');
    quota.observe({ used: 10, limit: 100_000 });
    quota.assertAvailable('op');
  });
});
