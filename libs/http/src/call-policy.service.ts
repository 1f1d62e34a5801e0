import { performance } from 'node:perf_hooks';
import {
  DelegateBackoff,
  handleWhen,
  isBrokenCircuitError,
  retry,
  type CircuitBreakerPolicy,
  type IRetryBackoffContext,
  type RetryPolicy,
} from 'cockatiel';
import { CallMetrics } from './call-metrics.service.js';
import { sharedBreaker } from './circuit-breakers.util.js';
import { classifyFailure, failureLabel, isTransient, neverSent, type CallFailure } from './failure.util.js';
import { type HeadersHook, type OutboundClientOptions } from './http.types.js';
import { schedulerFor, type SystemScheduler } from './system-scheduler.js';
import { CircuitOpenError } from './upstream.exception.js';

const NO_HEADERS: Record<string, string> = Object.freeze({});

/** One outbound call as the policy sees it. */
export interface CallSpec {
  operation: string;
  idempotent: boolean;
}

/** Outcome of one successful attempt: the HTTP status for the metrics, and what the client returns. */
export interface AttemptResult<T> {
  status: number;
  value: T;
}

/** Sends one attempt with the headers-hook values; throws on a non-2xx answer or a transport failure. */
export type Attempt<T> = (hookHeaders: Record<string, string>) => Promise<AttemptResult<T>>;

/**
 * Retry, circuit breaker, pacing and metrics around the attempts of one client. The retry wraps the
 * breaker, so every attempt counts towards opening the circuit, and an opened circuit ends the retries.
 * Every attempt waits for its turn in the target system's scheduler, which learns from each 429.
 */
export class CallPolicy {
  private readonly system: string;
  private readonly headersHook: HeadersHook | undefined;
  private readonly metrics: CallMetrics;
  private readonly breaker: CircuitBreakerPolicy;
  private readonly scheduler: SystemScheduler;
  private readonly retryIdempotent: RetryPolicy;
  private readonly retryUnsent: RetryPolicy;
  private readonly baseMs: number;
  private readonly maxMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly halfOpenAfterMs: number;

  constructor(options: OutboundClientOptions) {
    this.system = options.system;
    this.headersHook = options.headers;
    this.metrics = CallMetrics.on(options.registry);
    this.halfOpenAfterMs = options.breaker?.halfOpenAfterMs ?? 10_000;
    this.breaker = sharedBreaker(options.system, {
      consecutiveFailures: options.breaker?.consecutiveFailures ?? 5,
      halfOpenAfterMs: this.halfOpenAfterMs,
      countInternalErrors: options.breaker?.countInternalErrors ?? true,
    });
    this.scheduler = schedulerFor(options.system, options.pacing, options.registry);
    this.baseMs = options.backoff?.baseMs ?? 100;
    this.maxMs = options.backoff?.maxMs ?? 5_000;
    this.maxRetryAfterMs = options.backoff?.maxRetryAfterMs ?? 10_000;
    const maxAttempts = options.retries ?? 2;
    const backoff = new DelegateBackoff((context: IRetryBackoffContext<unknown>) => this.delayMs(context));
    this.retryIdempotent = retry(
      handleWhen((error) => this.worthRetrying(error, isTransient)),
      { maxAttempts, backoff },
    );
    // Without idempotency a request that may have reached the target is never sent twice.
    this.retryUnsent = retry(
      handleWhen((error) => this.worthRetrying(error, neverSent)),
      { maxAttempts, backoff },
    );
  }

  /** Runs `attempt` under the retry and breaker policies, recording every attempt in the metrics. */
  run<T>(call: CallSpec, attempt: Attempt<T>): Promise<T> {
    const policy = call.idempotent ? this.retryIdempotent : this.retryUnsent;
    return policy.execute(() => this.once(call, attempt));
  }

  private async once<T>(call: CallSpec, attempt: Attempt<T>): Promise<T> {
    const hook = this.headersHook?.() ?? NO_HEADERS;
    const hookHeaders = hook instanceof Promise ? await hook : hook;
    try {
      return await this.scheduler.run(() =>
        this.breaker.execute(() => this.measured(call.operation, attempt, hookHeaders)),
      );
    } catch (error) {
      if (!isBrokenCircuitError(error)) throw error;
      this.metrics.refused(this.system, call.operation);
      throw new CircuitOpenError(this.system, call.operation, this.halfOpenAfterMs);
    }
  }

  private async measured<T>(
    operation: string,
    attempt: Attempt<T>,
    hookHeaders: Record<string, string>,
  ): Promise<T> {
    const started = performance.now();
    try {
      const result = await attempt(hookHeaders);
      const seconds = (performance.now() - started) / 1000;
      this.metrics.observe(this.system, operation, String(result.status), seconds);
      this.scheduler.observeAnswer();
      return result.value;
    } catch (error) {
      const failure = classifyFailure(error);
      const seconds = (performance.now() - started) / 1000;
      if (failure) this.metrics.observe(this.system, operation, failureLabel(failure), seconds);
      if (failure?.kind === 'status' && failure.status === 429)
        this.scheduler.observeThrottle(failure.retryAfterMs);
      else if (failure?.kind === 'status') this.scheduler.observeAnswer();
      throw error;
    }
  }

  private worthRetrying(error: Error, allowed: (failure: CallFailure) => boolean): boolean {
    const failure = classifyFailure(error);
    if (!failure || !allowed(failure)) return false;
    // A longer requested wait is left to the caller (a queue reschedules), never shortened here.
    return failure.kind !== 'status' || (failure.retryAfterMs ?? 0) <= this.maxRetryAfterMs;
  }

  private delayMs(context: IRetryBackoffContext<unknown>): number {
    const failure = 'error' in context.result ? classifyFailure(context.result.error) : undefined;
    if (failure?.kind === 'status' && failure.retryAfterMs !== undefined) return failure.retryAfterMs;
    // Full jitter: anywhere between zero and the exponential ceiling, so callers spread out.
    return Math.random() * Math.min(this.maxMs, this.baseMs * 2 ** (context.attempt - 1));
  }
}
