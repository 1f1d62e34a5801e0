import { type Registry } from 'prom-client';
import { type PacingOptions } from './system-scheduler.js';

/** Extra request headers (correlation id, service token), computed again before every attempt. */
export type HeadersHook = () => Record<string, string> | Promise<Record<string, string>>;

/**
 * Circuit breaker settings. Breakers are shared per `system`: the first client created for a system
 * fixes them, later clients of the same system reuse that breaker as is.
 */
export interface BreakerOptions {
  /** Consecutive failed attempts that open the circuit. Default 5. */
  consecutiveFailures?: number;
  /** Time the circuit stays open before one trial call is let through (half-open). Default 10 000 ms. */
  halfOpenAfterMs?: number;
  /**
   * Whether a 500 answer counts as a failure of the target. Default true for vendor clients, false for the
   * layer client: a Concord app answers 503 when what it depends on is down and 500 only for a fault of
   * the one request, and five such requests in a row must not shut every caller out.
   */
  countInternalErrors?: boolean;
}

/** Waits between retries: exponential backoff with full jitter unless the answer carried Retry-After. */
export interface BackoffOptions {
  /** Upper bound of the first jittered wait. Default 100 ms. */
  baseMs?: number;
  /** Upper bound of any jittered wait. Default 5 000 ms. */
  maxMs?: number;
  /**
   * Longest Retry-After the client waits in process. A longer one is not retried here: the error reaches
   * the caller (with `retryAfterMs` on `UpstreamHttpError`) so a queue can reschedule the work instead.
   * Default 10 000 ms.
   */
  maxRetryAfterMs?: number;
}

/** Options shared by the layer client and the vendor client. */
export interface OutboundClientOptions {
  /** Target system, used as metric label and as the key of the shared circuit breaker, e.g. `system-crm`. */
  system: string;
  /** Origin plus optional path prefix, e.g. `http://127.0.0.1:3200` or `https://api.stripe.com/v1`. */
  baseUrl: string;
  /**
   * Budget of each phase of one attempt: connecting, waiting for the response headers, and (layer client)
   * each wait between body chunks; the vendor client applies it to the whole attempt. Default 5 000 ms.
   */
  timeoutMs?: number;
  /** Retries after the first attempt, for retryable failures only. Default 2. */
  retries?: number;
  /** Maximum open connections to the target. Default 32. */
  connections?: number;
  /** Called before every attempt; explicit request headers win over its values. */
  headers?: HeadersHook;
  /** Registry that receives the `concord_external_*` metrics. */
  registry: Registry;
  breaker?: BreakerOptions;
  backoff?: BackoffOptions;
  /** How the target wants to be paced; shared per `system` like the breaker (the first client fixes it). */
  pacing?: PacingOptions;
}
