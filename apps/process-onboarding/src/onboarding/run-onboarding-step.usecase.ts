import { Injectable } from '@nestjs/common';
import { QueueNames } from '@concord/platform';
import { NonRetryableJobError, QueueName, QueueProducer, RetryLaterError } from '@concord/queues';
import { DataSource, type ExceptionCategory, SyncExceptionRepository } from '@concord/persistence';
import { describeInvalid } from './canonical-customer.validator.js';
import { OnboardingMetrics } from './onboarding.metrics.js';
import { type FlowRow, OnboardingFlowRepository, type StepRow } from './onboarding-flow.repository.js';
import { OnboardingRejectionService } from './onboarding-rejection.service.js';
import {
  nextStep,
  ONBOARDING_JOB,
  type OnboardingJobData,
  STEP_STATE,
  type StepName,
  type StepAttempt,
  stepJobId,
  TERMINAL_STATES,
} from './onboarding-steps.js';
import { OnboardingStepsService } from './onboarding-steps.service.js';
import { StepRejectedError } from './step-rejected.error.js';
import { classifyStepFailure, describeRefusal } from './upstream-failure.util.js';

const SYSTEM_LABEL: Readonly<Record<StepName, string>> = {
  'crm-account': 'CRM',
  validate: 'Concord',
  match: 'Concord',
  erp: 'ERP',
  billing: 'Billing',
  'crm-writeback': 'CRM',
};

/** Runs one saga step per job and enqueues the next; a redelivered job never repeats a finished step. */
@Injectable()
export class RunOnboardingStepUseCase {
  constructor(
    private readonly flows: OnboardingFlowRepository,
    private readonly steps: OnboardingStepsService,
    private readonly rejection: OnboardingRejectionService,
    private readonly producer: QueueProducer,
    private readonly metrics: OnboardingMetrics,
    private readonly queueNames: QueueNames,
    private readonly dataSource: DataSource,
    private readonly exceptions: SyncExceptionRepository,
  ) {}

  async execute(job: OnboardingJobData, attempt: StepAttempt): Promise<string> {
    const flow = await this.flows.find(job.flowId);
    if (!flow || TERMINAL_STATES.has(flow.state)) return flow ? `flow already ${flow.state}` : 'unknown flow';
    const previous = await this.flows.stepOf(flow, job.step);
    if (previous?.outcome === 'REJECTED') {
      // The rejection filed its exception with it; failing again keeps the job failed, not completed.
      const category = typeof previous.detail.category === 'string' ? previous.detail.category : 'technical';
      throw new NonRetryableJobError(
        category as ExceptionCategory,
        typeof previous.detail.message === 'string' ? previous.detail.message : 'rejected',
        {
          flowId: flow.id,
          step: job.step,
        },
      );
    }
    if (isHeld(previous)) return 'held for a steward decision';
    if (previous?.outcome !== 'CONFIRMED') {
      await this.flows.startStep(flow.id, job.step, attempt.attempt, STEP_STATE[job.step]);
      let detail: Record<string, unknown>;
      try {
        detail = await this.steps.run(job.step, flow, attempt.attempt);
      } catch (error) {
        return this.fail(flow, job.step, attempt, error);
      }
      if (detail.held === true) {
        // A steward's match decision continues the flow (MatchDecisionUseCase), not this job.
        await this.flows.markStep(flow.id, job.step, 'SUBMITTED', attempt.attempt, detail);
        await this.flows.setState(flow.id, 'review');
        this.metrics.stepOutcome(job.step, 'SUBMITTED');
        return 'held for a steward decision';
      }
      await this.flows.markStep(flow.id, job.step, 'CONFIRMED', attempt.attempt, detail);
      this.metrics.stepOutcome(job.step, 'CONFIRMED');
    }
    await this.advance(flow, job.step);
    return 'confirmed';
  }

  private async advance(flow: FlowRow, step: StepName): Promise<void> {
    const next = nextStep(step);
    if (next) {
      await this.producer.enqueue(
        this.queueNames.of(QueueName.Onboarding),
        ONBOARDING_JOB,
        { flowId: flow.id, step: next } satisfies OnboardingJobData,
        // Next in line, ahead of flows that have not started: a backlog is worked through flow by
        // flow, so the first accounts of a bulk load are synced within seconds, not after the last.
        { jobId: stepJobId(flow.id, next), correlationId: flow.correlationId, lifo: true },
      );
      return;
    }
    await this.flows.setState(flow.id, 'synced');
    this.metrics.synced(flow.createdAt);
  }

  private async fail(flow: FlowRow, step: StepName, attempt: StepAttempt, error: unknown): Promise<never> {
    if (error instanceof StepRejectedError) {
      return this.rejection.reject(flow, step, attempt, {
        category: error.category,
        message: error.details.length > 0 ? describeInvalid(error.details) : error.message,
        details: error.details,
        answer: error.answer,
      });
    }
    const failure = classifyStepFailure(error);
    if (failure.kind === 'rejected') {
      return this.rejection.reject(flow, step, attempt, {
        category: failure.category,
        message: describeRefusal(SYSTEM_LABEL[step], failure.reason, failure.details),
        details: failure.details,
        answer: failure.answer,
      });
    }
    if (failure.kind === 'throttled') {
      throw new RetryLaterError(failure.waitMs, `${SYSTEM_LABEL[step]} asked to wait: ${String(error)}`);
    }
    if (failure.kind === 'timeout') {
      await this.flows.markStep(flow.id, step, 'TIMED_OUT', attempt.attempt);
      this.metrics.stepOutcome(step, 'TIMED_OUT');
    }
    if (attempt.final) {
      // With its exception, so a worker dying in between cannot leave a failed flow nobody sees.
      await this.dataSource.transaction(async (tx) => {
        await this.flows.setState(flow.id, 'failed', tx);
        await this.exceptions.record(attempt.exceptionFor(error), tx);
      });
    }
    throw error;
  }
}

/** A step waiting for a person: it keeps its SUBMITTED outcome until the decision is recorded. */
export function isHeld(step: StepRow | undefined): boolean {
  return step?.outcome === 'SUBMITTED' && step.detail.held === true;
}
