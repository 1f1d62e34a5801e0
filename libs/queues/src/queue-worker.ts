import { DelayedError, type Job, UnrecoverableError, type Worker } from 'bullmq';
import { type NewSyncException, type SyncExceptionRepository } from '@concord/persistence';
import { type Logger, runWithCorrelation } from '@concord/observability';
import { isJobEnvelope, type JobEnvelope } from './job-contracts.js';
import { describeError, NonRetryableJobError, RetryLaterError } from './job-failure.js';
import { type QueueRuntime, type QueueRuntimeWorkerOptions } from './queue-runtime.js';

export interface JobHandlerContext {
  job: Job<JobEnvelope>;
  attempt: number;
  /**
   * The exception row this job's failure with `error` becomes. A handler that ends a job for good may
   * record it in the transaction of its own state change (the row is keyed by queue and job, so the
   * worker's later recording of the same failure changes nothing): a crash in between loses neither.
   */
  exceptionFor: (error: unknown) => NewSyncException;
}

/** How long a job may keep deferring itself on RetryLaterError before waits spend attempts again. */
const MAX_DEFERRAL_AGE_MS = 3_600_000;

export interface WorkerDefinition<T> {
  queue: string;
  /** Payload versions this handler understands; anything else is an exception, never a guess. */
  acceptsVersions: readonly number[];
  domain: string;
  handle(data: T, context: JobHandlerContext): Promise<unknown>;
}

export interface WorkerDependencies {
  runtime: QueueRuntime;
  exceptions: SyncExceptionRepository;
  logger: Logger;
}

/**
 * Starts a worker whose jobs run inside their correlation context. After the final attempt (or a
 * non-retryable failure) the job's payload and error are recorded as a `sync_exception` before the
 * job is marked failed, so nothing is dropped even if the process dies right after.
 */
export function startQueueWorker<T>(
  definition: WorkerDefinition<T>,
  deps: WorkerDependencies,
  options: QueueRuntimeWorkerOptions = {},
): Worker {
  const processor = async (job: Job, token?: string): Promise<unknown> => {
    const envelope: unknown = job.data;
    const correlationId = isJobEnvelope(envelope) ? envelope.correlationId : `job-${job.id ?? 'unknown'}`;
    return runWithCorrelation(correlationId, async () => {
      try {
        if (!isJobEnvelope(envelope)) {
          throw new NonRetryableJobError('technical', 'job payload is not a versioned envelope');
        }
        if (!definition.acceptsVersions.includes(envelope.v)) {
          throw new NonRetryableJobError('technical', `unsupported payload version ${envelope.v}`);
        }
        return await definition.handle(envelope.data as T, {
          job: job as Job<JobEnvelope>,
          attempt: job.attemptsMade + 1,
          exceptionFor: (error) => jobException(definition, job, correlationId, error),
        });
      } catch (error) {
        if (error instanceof RetryLaterError && token && Date.now() - job.timestamp < MAX_DEFERRAL_AGE_MS) {
          // Up to half again the asked wait, so jobs throttled together do not all come back at once.
          await job.moveToDelayed(Date.now() + Math.round(error.waitMs * (1 + Math.random() / 2)), token);
          throw new DelayedError();
        }
        const attempts = job.opts.attempts ?? 1;
        const final = error instanceof UnrecoverableError || job.attemptsMade + 1 >= attempts;
        deps.logger.warn(
          {
            queue: definition.queue,
            jobId: job.id,
            jobName: job.name,
            attempt: job.attemptsMade + 1,
            final,
            err: describeError(error),
          },
          'job attempt failed',
        );
        if (final) await deps.exceptions.record(jobException(definition, job, correlationId, error));
        throw error;
      }
    });
  };
  return deps.runtime.worker(definition.queue, processor, options);
}

function jobException(
  definition: WorkerDefinition<unknown>,
  job: Job<unknown>,
  correlationId: string,
  error: unknown,
): NewSyncException {
  return {
    category: error instanceof NonRetryableJobError ? error.category : 'technical',
    domain: definition.domain,
    queue: definition.queue,
    jobId: String(job.id),
    jobName: job.name,
    payload: job.data,
    error: { ...describeError(error), attempts: job.attemptsMade + 1 },
    correlationId,
  };
}
