import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { currentCorrelationId } from '@concord/observability';
import { type EntityManager, OutboxRepository } from '@concord/persistence';
import { type IdempotentResult, IdempotentWrite, OutboxRelayService, QueueNames } from '@concord/platform';
import { QueueName } from '@concord/queues';
import { type OnboardingAcceptedDto, type StartOnboardingDto } from './onboarding.dto.js';
import { type OnboardingInput, OnboardingFlowRepository } from './onboarding-flow.repository.js';
import { firstStep, ONBOARDING_JOB, type OnboardingJobData } from './onboarding-steps.js';

export const ONBOARDINGS_SCOPE = 'process-onboarding:onboardings';

/** Accepts an onboarding: flow row and first job in one transaction, the saga runs from the queue. */
@Injectable()
export class StartOnboardingUseCase {
  constructor(
    private readonly flows: OnboardingFlowRepository,
    private readonly outbox: OutboxRepository,
    private readonly relay: OutboxRelayService,
    private readonly idempotent: IdempotentWrite,
    private readonly queueNames: QueueNames,
  ) {}

  async execute(
    key: string | undefined,
    request: StartOnboardingDto,
  ): Promise<IdempotentResult<OnboardingAcceptedDto>> {
    const result = await this.idempotent.runInTransaction(
      ONBOARDINGS_SCOPE,
      key,
      request,
      async (manager) => ({
        status: 202,
        body: await this.start(request, manager),
      }),
    );
    if (!result.replayed) this.relay.nudge();
    return result;
  }

  private async start(request: StartOnboardingDto, manager: EntityManager): Promise<OnboardingAcceptedDto> {
    const correlationId = currentCorrelationId() ?? randomUUID();
    // One canonical customer per CRM account: a repeated onboarding of the account keeps its ID.
    const earlier = request.crmAccountId
      ? await this.flows.latestForCrmAccount(request.crmAccountId, manager)
      : undefined;
    const concordId = earlier?.concordId ?? randomUUID();
    const input: OnboardingInput = {
      customer: request.customer,
      ...(request.crmAccountId ? { crmAccountId: request.crmAccountId } : {}),
    };
    const flowId = await this.flows.create(manager, {
      concordId,
      correlationId,
      input,
      ...(request.partnerId ? { partnerId: request.partnerId } : {}),
    });
    const job: OnboardingJobData = { flowId, step: firstStep(request.crmAccountId) };
    await this.outbox.add(manager, [
      {
        queue: this.queueNames.of(QueueName.Onboarding),
        jobName: ONBOARDING_JOB,
        entityKey: concordId,
        payload: job,
        correlationId,
      },
    ]);
    return { onboardingId: flowId, concordId, status: 'accepted' };
  }
}
