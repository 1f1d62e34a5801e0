import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadDeprecationSchedule } from './deprecation.config.js';
import { deprecationHeaders, successorPath } from './deprecation-headers.util.js';

void describe('deprecation headers', () => {
  void it('formats RFC 9745 Deprecation, RFC 8594 Sunset and the successor Link', () => {
    const headers = deprecationHeaders(
      { deprecatedAt: new Date('2026-12-01T00:00:00Z'), sunsetAt: new Date('2027-06-30T00:00:00Z') },
      '/v2/customers',
    );
    assert.deepEqual(headers, {
      deprecation: '@1796083200',
      sunset: 'Wed, 30 Jun 2027 00:00:00 GMT',
      link: '</v2/customers>; rel="successor-version"',
    });
  });

  void it('fills the successor template from the request, percent-encoded', () => {
    assert.equal(successorPath('/v2/customers/:id', { id: 'abc' }), '/v2/customers/abc');
    assert.equal(
      successorPath('/v2/customers/:id', { id: '>; rel="x"' }),
      '/v2/customers/%3E%3B%20rel%3D%22x%22',
    );
    assert.equal(successorPath('/v2/customers/:id', {}), '/v2/customers/:id');
  });
});

void describe('deprecation schedule', () => {
  void it('uses the announced dates unless the environment moves them', () => {
    assert.equal(
      loadDeprecationSchedule({})['customers-v1'].sunsetAt.toISOString(),
      '2027-06-30T00:00:00.000Z',
    );
    const moved = loadDeprecationSchedule({ SUNSET_CUSTOMERS_V1_AT: '2028-01-01T00:00:00Z' });
    assert.equal(moved['customers-v1'].sunsetAt.toISOString(), '2028-01-01T00:00:00.000Z');
  });

  void it('refuses a date that is not ISO 8601 or a sunset before the deprecation', () => {
    assert.throws(
      () => loadDeprecationSchedule({ SUNSET_CUSTOMERS_V1_AT: 'next year' }),
      /SUNSET_CUSTOMERS_V1_AT/,
    );
    assert.throws(
      () => loadDeprecationSchedule({ SUNSET_CUSTOMERS_V1_AT: '2020-01-01' }),
      /must be later than DEPRECATION_CUSTOMERS_V1_AT/,
    );
  });
});
