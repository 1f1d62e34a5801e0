import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyBcAnswer, DEFAULT_THROTTLE_MS } from './business-central.errors.js';

const body = (code: string, message: string) => ({ error: { code, message } });
const context = { operation: 'customers.create' };

describe('business central error classifier', () => {
  it('maps field validation to Rejected with canonical paths', () => {
    const error = classifyBcAnswer(
      {
        status: 400,
        body: body(
          'Application_FieldValidationException',
          'The field Country/Region Code of table Customer contains a value (XX) that cannot be found in the related table (Country/Region).',
        ),
      },
      context,
    );
    assert.equal(error.kind, 'Rejected');
    assert.deepEqual(
      error.details.map((detail) => detail.path),
      ['country'],
    );
  });

  it('finds the field of a too-long string by the value that was sent', () => {
    const name = 'N'.repeat(101);
    const error = classifyBcAnswer(
      {
        status: 400,
        body: body(
          'Application_StringExceededLength',
          `The length of the string is 101, but it must be less than or equal to 100 characters. Value: ${name}`,
        ),
      },
      { operation: 'customers.create', sent: { displayName: name, city: 'Berlin' } },
    );
    assert.equal(error.kind, 'Rejected');
    assert.equal(error.details[0]?.path, 'name');
  });

  it('maps throttling, conflicts, not found, auth and outages', () => {
    const throttled = classifyBcAnswer(
      { status: 429, body: body('Application_TooManyRequests', 'Too many requests reached.') },
      context,
    );
    assert.equal(throttled.kind, 'Throttled');
    assert.equal(throttled.retryAfterMs, DEFAULT_THROTTLE_MS);
    assert.equal(
      classifyBcAnswer({ status: 429, body: undefined, retryAfterMs: 5000 }, context).retryAfterMs,
      5000,
    );
    const changed = body('Request_EntityChanged', 'Another user has already changed the record.');
    assert.equal(classifyBcAnswer({ status: 409, body: changed }, context).kind, 'Conflict');
    const sameKey = body('Internal_EntityWithSameKeyExists', "The record already exists. No.='CC1'");
    assert.equal(classifyBcAnswer({ status: 400, body: sameKey }, context).kind, 'Conflict');
    const missing = body('BadRequest_NotFound', "Resource not found for the segment 'customers'.");
    assert.equal(classifyBcAnswer({ status: 404, body: missing }, context).kind, 'NotFound');
    const auth = body('Authentication_InvalidCredentials', 'The server has rejected the client credentials.');
    assert.equal(classifyBcAnswer({ status: 401, body: auth }, context).kind, 'AuthFailed');
    const down = body('Service_Unavailable', 'The service is temporarily unavailable.');
    assert.equal(classifyBcAnswer({ status: 503, body: down }, context).kind, 'Temporary');
    assert.equal(classifyBcAnswer({ status: 500, body: 'oops' }, context).kind, 'Temporary');
  });
});
