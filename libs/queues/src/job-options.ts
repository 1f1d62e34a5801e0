import { type JobsOptions } from 'bullmq';

export interface RetryPolicy {
  attempts: number;
  /** First retry delay; each further retry doubles it, with jitter so failed jobs do not retry in lockstep. */
  backoffMs: number;
  jitter: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 6, backoffMs: 1000, jitter: 0.5 };

/** Producer defaults: BullMQ keeps every job forever unless retention is set. */
export function defaultJobOptions(policy: RetryPolicy = DEFAULT_RETRY_POLICY): JobsOptions {
  return {
    attempts: policy.attempts,
    backoff: { type: 'exponential', delay: policy.backoffMs, jitter: policy.jitter },
    removeOnComplete: { age: 24 * 3600, count: 10_000 },
    removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
  };
}
