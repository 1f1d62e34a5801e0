import { parseRetryAfter } from './retry-after.util.js';

/** Statuses worth another attempt later: the target was busy, throttling or briefly broken. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 425, 429, 500, 502, 503, 504]);

/** Response headers with lower-case names; repeated headers are joined with `, `. */
export type ResponseHeaders = Record<string, string>;

/**
 * A lower layer answered with a non-2xx status. `body` is the parsed JSON answer (the lower layer's
 * error envelope) or its raw text, so the caller can pass it through.
 */
export class UpstreamHttpError extends Error {
  override readonly name = 'UpstreamHttpError';
  readonly system: string;
  readonly operation: string;
  readonly status: number;
  readonly body: unknown;
  readonly headers: ResponseHeaders;
  /** True when the status is transient (408, 425, 429, 500, 502, 503, 504) and a later retry may succeed. */
  readonly retryable: boolean;
  /** Wait the target asked for through Retry-After, in milliseconds. */
  readonly retryAfterMs: number | undefined;

  constructor(init: {
    system: string;
    operation: string;
    status: number;
    body: unknown;
    headers: ResponseHeaders;
  }) {
    super(`${init.system} ${init.operation} answered ${init.status}`);
    this.system = init.system;
    this.operation = init.operation;
    this.status = init.status;
    this.body = init.body;
    this.headers = init.headers;
    this.retryable = RETRYABLE_STATUSES.has(init.status);
    this.retryAfterMs = parseRetryAfter(init.headers['retry-after']);
  }
}

/** Why a lower layer could not be reached: no answer in time, or the connection failed. */
export type UnavailableReason = 'timeout' | 'network_error';

/**
 * A lower layer gave no HTTP answer. After a `timeout` the outcome of a write is unknown: look the record
 * up before creating it again.
 */
export class UpstreamUnavailableError extends Error {
  override readonly name = 'UpstreamUnavailableError';

  constructor(
    readonly system: string,
    readonly operation: string,
    readonly reason: UnavailableReason,
    /** Socket or client error code, e.g. `ECONNREFUSED`. */
    readonly code: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(
      `${system} ${operation} failed: ${reason === 'timeout' ? 'timed out' : (code ?? 'network error')}`,
      options,
    );
  }
}

/** The circuit breaker of the target system is open; the call was refused without reaching the target. */
export class CircuitOpenError extends Error {
  override readonly name = 'CircuitOpenError';

  constructor(
    readonly system: string,
    readonly operation: string,
    /** When the breaker lets a trial call through again. */
    readonly retryAfterMs?: number,
  ) {
    super(`${system} ${operation} refused: circuit open`);
  }
}
