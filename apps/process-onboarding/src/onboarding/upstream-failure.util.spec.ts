import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CircuitOpenError, UpstreamHttpError, UpstreamUnavailableError } from '@concord/http';
import { classifyStepFailure, describeRefusal } from './upstream-failure.util.js';

const httpError = (status: number, body: unknown) =>
  new UpstreamHttpError({ system: 'system-erp', operation: 'customers.upsert', status, body, headers: {} });

describe('classifyStepFailure', () => {
  it('treats a vendor refusal as rejected-by-target and keeps the answer', () => {
    const body = {
      error: {
        code: 'UPSTREAM_REJECTED',
        message: 'Business Central refused the customer',
        details: [{ path: 'currency', message: 'unknown currency' }],
        correlationId: 'c-1',
      },
    };
    const failure = classifyStepFailure(httpError(422, body));
    assert.equal(failure.kind, 'rejected');
    assert.ok(failure.kind === 'rejected');
    assert.equal(failure.category, 'rejected-by-target');
    assert.deepEqual(failure.details, [{ path: 'currency', message: 'unknown currency' }]);
    assert.deepEqual(failure.answer, body);
  });

  it('treats a validation refusal of the system API as a validation rejection', () => {
    const body = { error: { code: 'VALIDATION_FAILED', message: 'bad', details: [], correlationId: 'c' } };
    const failure = classifyStepFailure(httpError(400, body));
    assert.ok(failure.kind === 'rejected');
    assert.equal(failure.category, 'validation');
  });

  it('waits out throttling and an open circuit for as long as they ask', () => {
    const throttled = new UpstreamHttpError({
      system: 'system-billing',
      operation: 'customers.upsert',
      status: 429,
      body: {},
      headers: { 'retry-after': '3' },
    });
    assert.deepEqual(classifyStepFailure(throttled), { kind: 'throttled', waitMs: 3000 });
    assert.deepEqual(classifyStepFailure(httpError(429, {})), { kind: 'throttled', waitMs: 1000 });
    const open = new CircuitOpenError('system-billing', 'customers.upsert', 10_000);
    assert.deepEqual(classifyStepFailure(open), { kind: 'throttled', waitMs: 10_000 });
  });

  it('retries outages, in-progress keys and network errors; flags timeouts', () => {
    assert.equal(classifyStepFailure(httpError(503, {})).kind, 'retry');
    const inProgress = { error: { code: 'IDEMPOTENCY_IN_PROGRESS', message: 'busy', details: [] } };
    assert.equal(classifyStepFailure(httpError(409, inProgress)).kind, 'retry');
    const refused = new UpstreamUnavailableError('system-erp', 'x', 'network_error', 'ECONNREFUSED');
    assert.equal(classifyStepFailure(refused).kind, 'retry');
    const slow = new UpstreamUnavailableError('system-erp', 'x', 'timeout', undefined);
    assert.equal(classifyStepFailure(slow).kind, 'timeout');
    assert.equal(classifyStepFailure(new Error('boom')).kind, 'retry');
  });
});

describe('describeRefusal', () => {
  it('names the system, the reason and the fields', () => {
    assert.equal(
      describeRefusal('ERP', 'invalid data', [{ path: 'taxId', message: 'wrong check digits' }]),
      'ERP rejected the customer: invalid data (taxId: wrong check digits)',
    );
  });
});
