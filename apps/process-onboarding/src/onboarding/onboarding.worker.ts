import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { type Worker } from 'bullmq';
import { type Logger } from '@concord/observability';
import { SyncExceptionRepository } from '@concord/persistence';
import { LOGGER, QueueNames } from '@concord/platform';
import { NonRetryableJobError, QueueName, QueueRuntime, startQueueWorker } from '@concord/queues';
import { loadOnboardingConfig } from './onboarding.config.js';
import { isStepName, type OnboardingJobData } from './onboarding-steps.js';
import { RunOnboardingStepUseCase } from './run-onboarding-step.usecase.js';

/** Consumes the onboarding queue for the lifetime of the app. */
@Injectable()
export class OnboardingWorker implements OnModuleInit, OnModuleDestroy {
  private worker: Worker | undefined;

  constructor(
    private readonly runtime: QueueRuntime,
    private readonly exceptions: SyncExceptionRepository,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly runStep: RunOnboardingStepUseCase,
    private readonly queueNames: QueueNames,
  ) {}

  onModuleInit(): void {
    const { concurrency } = loadOnboardingConfig();
    this.worker = startQueueWorker<unknown>(
      {
        queue: this.queueNames.of(QueueName.Onboarding),
        acceptsVersions: [1],
        domain: 'customer',
        handle: (data, { job, attempt, exceptionFor }) =>
          this.runStep.execute(parseJob(data), {
            attempt,
            final: attempt >= (job.opts.attempts ?? 1),
            exceptionFor,
          }),
      },
      { runtime: this.runtime, exceptions: this.exceptions, logger: this.logger },
      { concurrency },
    );
  }

  async onModuleDestroy(): Promise<void> {
    await this.worker?.close();
  }
}

function parseJob(data: unknown): OnboardingJobData {
  const candidate = (data ?? {}) as Record<string, unknown>;
  if (typeof candidate.flowId !== 'string' || !isStepName(candidate.step)) {
    throw new NonRetryableJobError('technical', 'onboarding job needs a flowId and a known step', {
      data: candidate,
    });
  }
  return { flowId: candidate.flowId, step: candidate.step };
}
