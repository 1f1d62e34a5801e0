import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Stripe from 'stripe';
import { canonicalPath, classifyStripeError } from './stripe.errors.js';

/** What the SDK throws for a recorded Stripe error body and status. */
function sdkError(status: number, body: { error: Record<string, unknown> }): Error {
  return Stripe.errors.StripeError.generate({ ...body.error, statusCode: status });
}

describe('classifyStripeError (recorded Stripe error bodies)', () => {
  it('invalid_request_error with a param → Rejected with the canonical path', () => {
    const error = classifyStripeError(
      sdkError(400, {
        error: {
          type: 'invalid_request_error',
          code: 'postal_code_invalid',
          message: 'Invalid postal code for DE',
          param: 'address[postal_code]',
          doc_url: 'https://stripe.com/docs/error-codes/postal-code-invalid',
        },
      }),
      'customers.create',
    );
    assert.equal(error.kind, 'Rejected');
    assert.deepEqual(error.details, [{ path: 'address.postalCode', message: 'Invalid postal code for DE' }]);
    assert.equal(error.system, 'stripe');
  });

  it('email_invalid → Rejected on email', () => {
    const error = classifyStripeError(
      sdkError(400, {
        error: {
          type: 'invalid_request_error',
          code: 'email_invalid',
          message: 'Invalid email address: nope',
          param: 'email',
        },
      }),
      'customers.update',
    );
    assert.equal(error.kind, 'Rejected');
    assert.equal(error.details[0]?.path, 'email');
  });

  it('idempotency_error → Conflict', () => {
    const error = classifyStripeError(
      sdkError(400, {
        error: {
          type: 'idempotency_error',
          message:
            'Keys for idempotent requests can only be used with the same parameters they were first used with.',
        },
      }),
      'customers.create',
    );
    assert.equal(error.kind, 'Conflict');
  });

  it('429 rate_limit → Throttled with a one-second wait', () => {
    const error = classifyStripeError(
      sdkError(429, {
        error: {
          type: 'invalid_request_error',
          code: 'rate_limit',
          message: 'Request rate limit exceeded.',
        },
      }),
      'customers.create',
    );
    assert.equal(error.kind, 'Throttled');
    assert.equal(error.retryAfterMs, 1000);
  });

  it('404 resource_missing → NotFound', () => {
    const error = classifyStripeError(
      sdkError(404, {
        error: {
          type: 'invalid_request_error',
          code: 'resource_missing',
          message: "No such customer: 'cus_missing'",
          param: 'id',
        },
      }),
      'customers.retrieve',
    );
    assert.equal(error.kind, 'NotFound');
  });

  it('price and product errors → Rejected with canonical product paths', () => {
    const amount = classifyStripeError(
      sdkError(400, {
        error: {
          type: 'invalid_request_error',
          message: 'This value must be less than or equal to 99999999.',
          param: 'unit_amount',
        },
      }),
      'prices.create',
    );
    assert.equal(amount.kind, 'Rejected');
    assert.deepEqual(amount.details, [
      { path: 'unitPrice.amountMinor', message: 'This value must be less than or equal to 99999999.' },
    ]);
    const exists = classifyStripeError(
      sdkError(400, {
        error: {
          type: 'invalid_request_error',
          code: 'resource_already_exists',
          message: 'Product already exists.',
          param: 'id',
        },
      }),
      'products.create',
    );
    assert.equal(exists.kind, 'Rejected');
    assert.equal(exists.vendor?.code, 'resource_already_exists');
    assert.equal(exists.details[0]?.path, 'sku');
  });

  it('401 invalid API key → AuthFailed', () => {
    const error = classifyStripeError(
      sdkError(401, {
        error: { type: 'invalid_request_error', message: 'Invalid API Key provided: sk_test_****oops' },
      }),
      'customers.search',
    );
    assert.equal(error.kind, 'AuthFailed');
  });

  it('500 api_error and 409 lock_timeout → Temporary', () => {
    const apiError = classifyStripeError(
      sdkError(500, { error: { type: 'api_error', message: 'An unknown error occurred' } }),
      'customers.create',
    );
    assert.equal(apiError.kind, 'Temporary');
    const locked = classifyStripeError(
      sdkError(409, {
        error: {
          type: 'invalid_request_error',
          code: 'lock_timeout',
          message: 'This object cannot be accessed right now',
        },
      }),
      'customers.update',
    );
    assert.equal(locked.kind, 'Temporary');
  });

  it('connection failures and timeouts → Temporary', () => {
    const error = classifyStripeError(
      new Stripe.errors.StripeConnectionError({
        message: 'An error occurred with our connection to Stripe. Request was retried 0 times.',
      }),
      'customers.create',
    );
    assert.equal(error.kind, 'Temporary');
  });

  it('subscription item errors → Rejected on the canonical item, invoice state errors → Rejected', () => {
    const mixed = classifyStripeError(
      sdkError(400, {
        error: {
          type: 'invalid_request_error',
          message: 'Currency and interval fields must match across all plans on this subscription.',
          param: 'items[1][price]',
        },
      }),
      'subscriptions.create',
    );
    assert.equal(mixed.kind, 'Rejected');
    assert.deepEqual(mixed.details, [
      {
        path: 'items[1].sku',
        message: 'Currency and interval fields must match across all plans on this subscription.',
      },
    ]);
    const voided = classifyStripeError(
      sdkError(400, {
        error: {
          type: 'invalid_request_error',
          code: 'invoice_not_open',
          message: 'You cannot pay an invoice with status void.',
        },
      }),
      'invoices.pay',
    );
    assert.equal(voided.kind, 'Rejected');
    assert.equal(voided.vendor?.code, 'invoice_not_open');
    assert.deepEqual(voided.details, []);
  });

  it('anything else → Unknown, never a domain error', () => {
    assert.equal(classifyStripeError(new TypeError('bug'), 'customers.create').kind, 'Unknown');
  });
});

describe('canonicalPath', () => {
  it('maps Stripe parameter names to canonical field paths', () => {
    assert.equal(canonicalPath('address[postal_code]'), 'address.postalCode');
    assert.equal(canonicalPath('address.state'), 'address.region');
    assert.equal(canonicalPath('address[country]'), 'country');
    assert.equal(canonicalPath('metadata[tax_id]'), 'taxId');
    assert.equal(canonicalPath('metadata'), 'metadata');
    assert.equal(canonicalPath('name'), 'name');
    assert.equal(canonicalPath('recurring[interval_count]', 'prices.create'), 'recurring.intervalCount');
    assert.equal(canonicalPath('unit_label', 'products.update'), 'unitOfMeasure');
    assert.equal(canonicalPath('currency', 'prices.create'), 'unitPrice.currency');
    assert.equal(canonicalPath('items[0][quantity]', 'subscriptions.update'), 'items[0].quantity');
    assert.equal(canonicalPath('items[3]', 'subscriptions.create'), 'items[3]');
    assert.equal(canonicalPath('customer', 'subscriptions.create'), 'customerConcordId');
    assert.equal(canonicalPath('days_until_due', 'subscriptions.create'), 'daysUntilDue');
  });
});
