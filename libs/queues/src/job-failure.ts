import { UnrecoverableError } from 'bullmq';
import { type ExceptionCategory } from '@concord/persistence';

/**
 * Thrown by a job handler when retrying cannot help (the target rejected the data, a steward must
 * decide). The job stops at once and its payload becomes a steward exception of this category.
 */
export class NonRetryableJobError extends UnrecoverableError {
  constructor(
    readonly category: ExceptionCategory,
    message: string,
    readonly detail: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'NonRetryableJobError';
  }
}

export function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof NonRetryableJobError) {
    return { name: error.name, message: error.message, category: error.category, ...error.detail };
  }
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { message: String(error) };
}

/**
 * Thrown by a job handler when the target asked Concord to wait (a 429 with Retry-After, an open
 * circuit): the job is put back for `waitMs` without spending one of its attempts, so a throttled
 * vendor slows the queue down instead of pushing its jobs into the exception queue.
 */
export class RetryLaterError extends Error {
  override readonly name = 'RetryLaterError';

  constructor(
    readonly waitMs: number,
    message: string,
  ) {
    super(message);
  }
}
