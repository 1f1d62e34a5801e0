import { isAxiosError } from 'axios';
import { RETRYABLE_STATUSES, UpstreamHttpError, UpstreamUnavailableError } from './upstream.exception.js';
import { parseRetryAfter } from './retry-after.util.js';

/** What went wrong in one attempt that reached (or tried to reach) the target. */
export type CallFailure =
  | { kind: 'status'; status: number; retryAfterMs: number | undefined }
  | { kind: 'timeout' }
  | { kind: 'network'; code: string };

const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  // axios reports its own timeout this way unless clarifyTimeoutError is set
  'ECONNABORTED',
]);

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  if ('code' in error && typeof error.code === 'string') return error.code;
  // Node's happy-eyeballs connect reports every address tried inside an AggregateError
  if (error instanceof AggregateError) return codeOf(error.errors[0]);
  return 'cause' in error ? codeOf(error.cause) : undefined;
}

/** Classifies a transport error (no HTTP answer); undefined when it is not a timeout or network failure. */
export function classifyTransportError(error: unknown): CallFailure | undefined {
  const code = codeOf(error);
  if (code === undefined) return undefined;
  if (TIMEOUT_CODES.has(code)) return { kind: 'timeout' };
  if (NETWORK_CODES.has(code)) return { kind: 'network', code };
  return undefined;
}

/**
 * Classifies an error thrown by one attempt of either client. Undefined means the error is not an
 * outbound failure (a bug, a cancelled call): it is neither counted, retried nor held against the breaker.
 */
export function classifyFailure(error: unknown): CallFailure | undefined {
  if (error instanceof UpstreamHttpError) {
    return { kind: 'status', status: error.status, retryAfterMs: error.retryAfterMs };
  }
  if (error instanceof UpstreamUnavailableError) {
    return error.reason === 'timeout'
      ? { kind: 'timeout' }
      : { kind: 'network', code: error.code ?? 'unknown' };
  }
  if (isAxiosError(error)) {
    if (!error.response) return classifyTransportError(error);
    const retryAfter: unknown = error.response.headers['retry-after'];
    return {
      kind: 'status',
      status: error.response.status,
      retryAfterMs: parseRetryAfter(typeof retryAfter === 'string' ? retryAfter : undefined),
    };
  }
  return classifyTransportError(error);
}

/** A failure that may pass if tried again later; these are also the ones the circuit breaker counts. */
export function isTransient(failure: CallFailure): boolean {
  return failure.kind !== 'status' || RETRYABLE_STATUSES.has(failure.status);
}

/** True only when the request certainly never reached the target, so even a non-idempotent call may be repeated. */
export function neverSent(failure: CallFailure): boolean {
  return failure.kind === 'network' && failure.code === 'ECONNREFUSED';
}

/** Value of the `status` label of `concord_external_calls_total`. */
export function failureLabel(failure: CallFailure): string {
  switch (failure.kind) {
    case 'status':
      return String(failure.status);
    case 'timeout':
      return 'timeout';
    case 'network':
      return 'network_error';
  }
}

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/** RFC 9110 idempotent methods, plus any request that carries an Idempotency-Key. */
export function isIdempotentRequest(method: string, hasIdempotencyKey: boolean): boolean {
  return hasIdempotencyKey || IDEMPOTENT_METHODS.has(method.toUpperCase());
}
