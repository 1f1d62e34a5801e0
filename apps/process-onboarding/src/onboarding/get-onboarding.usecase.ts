import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@concord/contracts';
import { ConcordException } from '@concord/governance';
import { type OnboardingDto } from './onboarding.dto.js';
import { type FlowRow, OnboardingFlowRepository } from './onboarding-flow.repository.js';

/** Where an onboarding stands and what each system answered. */
@Injectable()
export class GetOnboardingUseCase {
  constructor(private readonly flows: OnboardingFlowRepository) {}

  async byId(id: string): Promise<OnboardingDto> {
    const flow = await this.flows.find(id);
    if (!flow) throw notFound(`No onboarding ${id}`, 'id');
    return this.describe(flow);
  }

  async byCrmAccount(crmAccountId: string): Promise<OnboardingDto> {
    const flow = await this.flows.latestForCrmAccount(crmAccountId);
    if (!flow) throw notFound(`No onboarding for CRM account ${crmAccountId}`, 'crmAccountId');
    return this.describe(flow);
  }

  private async describe(flow: FlowRow): Promise<OnboardingDto> {
    const steps = await this.flows.steps(flow.id);
    return {
      onboardingId: flow.id,
      concordId: flow.concordId,
      state: flow.state,
      correlationId: flow.correlationId,
      customer: flow.input.customer,
      steps: steps.map((step) => ({
        name: step.name,
        outcome: step.outcome,
        attempt: step.attempt,
        detail: step.detail,
        startedAt: step.startedAt.toISOString(),
        finishedAt: step.finishedAt ? step.finishedAt.toISOString() : null,
      })),
      createdAt: flow.createdAt.toISOString(),
      updatedAt: flow.updatedAt.toISOString(),
    };
  }
}

function notFound(message: string, path: string): ConcordException {
  return new ConcordException(ErrorCode.NOT_FOUND, message, [{ path, message: 'unknown' }]);
}
