export type StripeErrorType = 'api_error' | 'card_error' | 'idempotency_error' | 'invalid_request_error';

export interface StripeErrorBody {
  error: { type: StripeErrorType; code?: string; message: string; param?: string; doc_url?: string };
}

export class StripeError extends Error {
  constructor(
    readonly status: number,
    readonly type: StripeErrorType,
    message: string,
    readonly code?: string,
    readonly param?: string,
  ) {
    super(message);
  }

  toBody(): StripeErrorBody {
    return {
      error: {
        type: this.type,
        ...(this.code
          ? {
              code: this.code,
              doc_url: `https://stripe.com/docs/error-codes/${this.code.replace(/_/g, '-')}`,
            }
          : {}),
        message: this.message,
        ...(this.param ? { param: this.param } : {}),
      },
    };
  }
}

export const invalidRequest = (message: string, param?: string, code?: string): StripeError =>
  new StripeError(400, 'invalid_request_error', message, code, param);

export const resourceMissing = (kind: string, id: string, param = 'id'): StripeError =>
  new StripeError(404, 'invalid_request_error', `No such ${kind}: '${id}'`, 'resource_missing', param);

/** A referenced object that does not exist is a 400 on create, not a 404. */
export const missingReference = (kind: string, id: string, param: string): StripeError =>
  new StripeError(400, 'invalid_request_error', `No such ${kind}: '${id}'`, 'resource_missing', param);

export const rateLimited = (): StripeError =>
  new StripeError(
    429,
    'invalid_request_error',
    'Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.',
    'rate_limit',
  );

export function faultBody(status: number): StripeErrorBody {
  if (status === 429) return rateLimited().toBody();
  if (status === 409) {
    return new StripeError(
      409,
      'invalid_request_error',
      'This object cannot be accessed right now because another API request or Stripe process is currently accessing it.',
      'lock_timeout',
    ).toBody();
  }
  if (status >= 500) {
    return new StripeError(status, 'api_error', 'An unknown error occurred').toBody();
  }
  return new StripeError(status, 'invalid_request_error', `Request failed with status ${status}`).toBody();
}
