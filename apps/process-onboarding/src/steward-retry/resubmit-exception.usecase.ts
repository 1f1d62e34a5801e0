import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from '@concord/persistence';
import { QueueNames } from '@concord/platform';
import { QueueName, QueueProducer, QueueRuntime } from '@concord/queues';
import { OnboardingFlowRepository } from '../onboarding/onboarding-flow.repository.js';
import {
  ONBOARDING_JOB,
  type OnboardingJobData,
  type StepName,
  stepJobId,
} from '../onboarding/onboarding-steps.js';
import { FlowResumeRepository, stepsFrom } from './flow-resume.repository.js';
import { type RetryingException, RetryingExceptionRepository } from './retrying-exception.repository.js';
import { editedCustomer, failedStepOf } from './retry-payload.util.js';

export type ResubmitOutcome = 'resubmitted' | 'reopened' | 'skipped';

interface Plan {
  exception: RetryingException;
  job: OnboardingJobData;
  jobId: string;
  detail: Record<string, unknown>;
}

/**
 * Re-runs the onboarding behind a `retrying` exception: the flow resumes at the failed step with the
 * stored payload, or from validation when the steward edited the customer (`payload.customer`). The
 * step runs under the failed job's ID, so if it fails again the worker opens this same exception
 * again with the new error; otherwise it stays `resolved`. What cannot be re-run goes back to `open`.
 */
@Injectable()
export class ResubmitExceptionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly exceptions: RetryingExceptionRepository,
    private readonly flows: OnboardingFlowRepository,
    private readonly resume: FlowResumeRepository,
    private readonly producer: QueueProducer,
    private readonly runtime: QueueRuntime,
    private readonly queueNames: QueueNames,
  ) {}

  async execute(id: string): Promise<ResubmitOutcome> {
    const plan = await this.dataSource.transaction((manager) => this.prepare(manager, id));
    if (typeof plan === 'string') return plan;
    // Enqueued only once the flow is back in motion (committed), or the step would find it ended.
    await this.producer.enqueue(this.queueNames.of(QueueName.Onboarding), ONBOARDING_JOB, plan.job, {
      jobId: plan.jobId,
      correlationId: plan.exception.correlationId,
    });
    await this.dataSource.transaction((manager) =>
      this.exceptions.settle(manager, plan.exception, 'resolved', 'exception.resubmitted', plan.detail),
    );
    return 'resubmitted';
  }

  private async prepare(manager: EntityManager, id: string): Promise<Plan | ResubmitOutcome> {
    const exception = await this.exceptions.claim(manager, id);
    if (!exception) return 'skipped';
    const failed =
      exception.queue === this.queueNames.of(QueueName.Onboarding) ? failedStepOf(exception) : undefined;
    const flow = failed && (await this.flows.find(failed.flowId));
    if (!failed || !flow) {
      const reason = failed
        ? `Onboarding ${failed.flowId} no longer exists`
        : 'Nothing to re-run: change the value in its system of record';
      await this.exceptions.settle(
        manager,
        exception,
        'open',
        'exception.retry-refused',
        { reason },
        {
          retryRefused: reason,
        },
      );
      return 'reopened';
    }
    const edited = editedCustomer(exception.payload);
    const from: StepName =
      edited && failed.step !== 'crm-account' ? earlierOf(failed.step, 'validate') : failed.step;
    const jobId = from === failed.step && exception.jobId ? exception.jobId : stepJobId(flow.id, from);
    const queue = this.runtime.queue(this.queueNames.of(QueueName.Onboarding));
    // BullMQ ignores a job whose ID exists: the ended attempts' jobs make room first.
    for (const staleJob of new Set([jobId, ...stepsFrom(from).map((step) => stepJobId(flow.id, step))])) {
      await (await queue.getJob(staleJob))?.remove();
    }
    const previousSteps = await this.flows.steps(flow.id);
    await this.resume.resume(
      manager,
      flow.id,
      from,
      edited ? { ...flow.input, customer: edited } : flow.input,
    );
    return {
      exception,
      job: { flowId: flow.id, step: from },
      jobId,
      detail: {
        flowId: flow.id,
        resumedAt: from,
        customerEdited: edited !== undefined,
        previousState: flow.state,
        previousSteps: previousSteps.map(({ name, outcome, attempt }) => ({ name, outcome, attempt })),
      },
    };
  }
}

function earlierOf(a: StepName, b: StepName): StepName {
  return stepsFrom(a).includes(b) ? a : b;
}
