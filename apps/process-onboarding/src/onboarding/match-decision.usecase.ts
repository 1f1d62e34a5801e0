import { Injectable } from '@nestjs/common';
import { type CustomerV1, ErrorCode } from '@concord/contracts';
import { ConcordException } from '@concord/governance';
import { CustomerRepository, DataSource, type EntityManager, OutboxRepository } from '@concord/persistence';
import { OutboxRelayService, QueueNames } from '@concord/platform';
import { QueueName } from '@concord/queues';
import { CanonicalCustomerService } from './canonical-customer.service.js';
import { lockCustomerMatching } from './customer-match-lock.util.js';
import { type MatchDecisionDto, type MatchDecisionResultDto } from './match-decision.dto.js';
import { DuplicateReviewRepository } from './duplicate-review.repository.js';
import { OnboardingMetrics } from './onboarding.metrics.js';
import { type FlowRow, OnboardingFlowRepository, type StepRow } from './onboarding-flow.repository.js';
import { nextStep, ONBOARDING_JOB, type OnboardingJobData } from './onboarding-steps.js';
import { isHeld } from './run-onboarding-step.usecase.js';

/**
 * A steward's verdict on a held match: records it with an audit row, resolves the duplicate-review
 * exception and enqueues the next step, all in one transaction. The same verdict again is a replay.
 */
@Injectable()
export class MatchDecisionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly flows: OnboardingFlowRepository,
    private readonly customers: CustomerRepository,
    private readonly writer: CanonicalCustomerService,
    private readonly outbox: OutboxRepository,
    private readonly relay: OutboxRelayService,
    private readonly reviews: DuplicateReviewRepository,
    private readonly queueNames: QueueNames,
    private readonly metrics: OnboardingMetrics,
  ) {}

  async execute(flowId: string, request: MatchDecisionDto): Promise<MatchDecisionResultDto> {
    const flow = await this.flows.find(flowId);
    if (!flow)
      throw new ConcordException(ErrorCode.NOT_FOUND, `No onboarding ${flowId}`, [
        { path: 'id', message: 'unknown' },
      ]);
    const customerId = request.decision === 'link' ? request.customerId! : flow.concordId;
    const result = await this.dataSource.transaction(async (manager) => {
      await lockCustomerMatching(manager);
      const step = await this.lockedMatchStep(manager, flow.id);
      const replay = replayOf(flow, step, request.decision, customerId);
      if (replay) return replay;
      if (!isHeld(step)) {
        throw conflict(`Onboarding ${flow.id} is ${flow.state}, not waiting for a match decision`);
      }
      await this.apply(manager, flow, request, customerId, step!);
      return {
        onboardingId: flow.id,
        decision: request.decision,
        customerId,
        state: 'matching',
        replayed: false,
      };
    });
    if (!result.replayed) {
      this.relay.nudge();
      if (request.decision === 'link') this.metrics.duplicatePrevented('steward');
    }
    return result;
  }

  private async apply(
    manager: EntityManager,
    flow: FlowRow,
    request: MatchDecisionDto,
    customerId: string,
    step: StepRow,
  ): Promise<void> {
    const held = await this.customers.find(flow.concordId, manager);
    if (request.decision === 'link') {
      if (customerId === flow.concordId || !(await this.customers.find(customerId, manager))) {
        throw new ConcordException(
          ErrorCode.VALIDATION_FAILED,
          'customerId names no other canonical customer',
          [{ path: 'customerId', message: 'no other canonical customer has this ID' }],
        );
      }
      if (held) await this.writer.link(customerId, held.data as unknown as CustomerV1, manager);
      // The held record was this duplicate's stand-in; it must not be matched against again.
      await manager.query(`DELETE FROM customer WHERE id = $1`, [flow.concordId]);
    } else {
      await this.customers.setSyncStatus(flow.concordId, 'pending', manager);
    }
    const decision = {
      decision: request.decision,
      customerId,
      held: false,
      decidedBy: 'steward',
      steward: request.decidedBy ?? null,
      ...(request.note ? { note: request.note } : {}),
    };
    await this.flows.markStep(flow.id, 'match', 'CONFIRMED', step.attempt, decision, manager);
    await this.flows.setState(flow.id, 'matching', manager);
    await this.reviews.resolve(manager, flow, request.decidedBy ?? 'steward', decision);
    const next = nextStep('match')!;
    await this.outbox.add(manager, [
      {
        queue: this.queueNames.of(QueueName.Onboarding),
        jobName: ONBOARDING_JOB,
        entityKey: customerId,
        payload: { flowId: flow.id, step: next } satisfies OnboardingJobData,
        correlationId: flow.correlationId,
      },
    ]);
  }

  /** The flow row locked, so two decisions on one flow are taken one after the other. */
  private async lockedMatchStep(manager: EntityManager, flowId: string): Promise<StepRow | undefined> {
    await manager.query(`SELECT id FROM flow WHERE id = $1 FOR UPDATE`, [flowId]);
    const rows: StepRow[] = await manager.query(
      `SELECT name, outcome, attempt, detail, started_at AS "startedAt", finished_at AS "finishedAt"
         FROM flow_step WHERE flow_id = $1 AND name = 'match'`,
      [flowId],
    );
    return rows[0];
  }
}

function conflict(message: string): ConcordException {
  return new ConcordException(ErrorCode.CONFLICT, message, [{ path: 'decision', message }]);
}

/** The steward's decision already recorded: the same one is answered again, another one is refused. */
function replayOf(
  flow: FlowRow,
  step: StepRow | undefined,
  decision: MatchDecisionDto['decision'],
  customerId: string,
): MatchDecisionResultDto | undefined {
  if (step?.outcome !== 'CONFIRMED' || step.detail.decidedBy !== 'steward') return undefined;
  if (step.detail.decision === decision && step.detail.customerId === customerId) {
    return { onboardingId: flow.id, decision, customerId, state: flow.state, replayed: true };
  }
  throw conflict(
    `Onboarding ${flow.id} was decided already: ${String(step.detail.decision)} ${String(step.detail.customerId)}`,
  );
}
