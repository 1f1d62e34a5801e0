import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  classifyRecordErrors,
  classifySalesforceAnswer,
  classifySalesforceFailure,
} from './salesforce.errors.js';

/** jsforce's HttpApiError: the vendor error code and its body entry in `data`. */
function httpApiError(body: unknown): Error {
  const entries = body as Array<{ message: string; errorCode: string }>;
  const first = entries.length === 1 ? entries[0] : undefined;
  return Object.assign(new Error(first?.message ?? 'Multiple errors returned.'), {
    name: first?.errorCode ?? 'MULTIPLE_API_ERRORS',
    errorCode: first?.errorCode ?? 'MULTIPLE_API_ERRORS',
    data: first ?? entries,
  });
}

describe('Salesforce error classifier', () => {
  it('folds validation errors into Rejected with canonical paths', () => {
    const error = classifySalesforceFailure(
      'customers.upsert',
      httpApiError([
        {
          message: 'Tax ID: data value too large: DE1366959761234567890123456789012 (max length=32)',
          errorCode: 'STRING_TOO_LONG',
          fields: ['Tax_Id__c'],
        },
      ]),
      400,
    );
    assert.equal(error.kind, 'Rejected');
    assert.deepEqual(
      error.details.map((detail) => detail.path),
      ['taxId'],
    );
    for (const code of [
      'REQUIRED_FIELD_MISSING',
      'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      'INVALID_FIELD_FOR_INSERT_UPDATE',
      'JSON_PARSER_ERROR',
    ]) {
      assert.equal(classifySalesforceAnswer('op', 400, [{ message: 'm', errorCode: code }]).kind, 'Rejected');
    }
  });

  it('folds REQUEST_LIMIT_EXCEEDED (403) into Throttled with a minute to wait', () => {
    const error = classifySalesforceFailure(
      'customers.upsert',
      httpApiError([{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }]),
      403,
    );
    assert.equal(error.kind, 'Throttled');
    assert.equal(error.retryAfterMs, 60_000);
  });

  it('tells sessions, missing records, duplicates and outages apart', () => {
    const kind = (status: number, errorCode: string) =>
      classifySalesforceFailure('op', httpApiError([{ message: 'm', errorCode }]), status).kind;
    assert.equal(kind(401, 'INVALID_SESSION_ID'), 'AuthFailed');
    assert.equal(kind(404, 'NOT_FOUND'), 'NotFound');
    assert.equal(kind(400, 'DUPLICATE_VALUE'), 'Conflict');
    assert.equal(kind(503, 'SERVER_UNAVAILABLE'), 'Temporary');
    assert.equal(kind(500, 'UNKNOWN_EXCEPTION'), 'Temporary');
    assert.equal(kind(400, 'MALFORMED_QUERY'), 'Unknown');
    assert.equal(kind(429, 'INVALID_REQUEST'), 'Throttled');
  });

  it('treats resets and timeouts as Temporary lost answers', () => {
    const reset = Object.assign(new Error('request to http://x failed, reason: socket hang up'), {
      name: 'FetchError',
      type: 'system',
      code: 'ECONNRESET',
    });
    const timeout = Object.assign(new Error('The user aborted a request.'), { name: 'AbortError' });
    for (const failure of [reset, timeout]) {
      const error = classifySalesforceFailure('customers.upsert', failure, undefined);
      assert.equal(error.kind, 'Temporary');
      assert.equal(error.cause, failure);
    }
  });

  it('reads collections record errors (statusCode, not errorCode)', () => {
    const error = classifyRecordErrors('customers.upsert-batch', [
      {
        statusCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
        message: 'Account Currency: bad value for restricted picklist field: XAF',
        fields: ['CurrencyIsoCode'],
      },
    ]);
    assert.equal(error.kind, 'Rejected');
    assert.deepEqual(error.details, [
      {
        path: 'currency',
        message: 'Account Currency: bad value for restricted picklist field: XAF',
        vendorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      },
    ]);
    assert.equal(
      classifyRecordErrors('op', [{ statusCode: 'DUPLICATE_EXTERNAL_ID', message: 'm', fields: [] }]).kind,
      'Conflict',
    );
  });
});
