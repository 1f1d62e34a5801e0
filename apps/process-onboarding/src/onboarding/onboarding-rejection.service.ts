import { Injectable } from '@nestjs/common';
import { type ErrorDetail, SyncStatus } from '@concord/contracts';
import {
  CustomerRepository,
  DataSource,
  type ExceptionCategory,
  SyncExceptionRepository,
} from '@concord/persistence';
import { NonRetryableJobError } from '@concord/queues';
import { CrmAccountService } from './crm-account.service.js';
import { OnboardingMetrics } from './onboarding.metrics.js';
import { type FlowRow, OnboardingFlowRepository } from './onboarding-flow.repository.js';
import { type StepAttempt, type StepName } from './onboarding-steps.js';

export interface Refusal {
  category: ExceptionCategory;
  message: string;
  details: ErrorDetail[];
  answer?: unknown;
}

/**
 * Ends a flow whose customer was refused: the CRM account shows `Rejected` with the reason, and the
 * step row, the flow state and the steward exception (with the payload) are written in one transaction,
 * so a worker that dies in between never leaves a rejected flow without its exception.
 */
@Injectable()
export class OnboardingRejectionService {
  constructor(
    private readonly flows: OnboardingFlowRepository,
    private readonly metrics: OnboardingMetrics,
    private readonly customers: CustomerRepository,
    private readonly crmAccount: CrmAccountService,
    private readonly exceptions: SyncExceptionRepository,
    private readonly dataSource: DataSource,
  ) {}

  async reject(
    flow: FlowRow,
    step: StepName,
    attempt: Pick<StepAttempt, 'attempt' | 'exceptionFor'>,
    refusal: Refusal,
  ): Promise<never> {
    // A failed write-back throws a retryable error first: the rejection is recorded once it is written.
    const crmWriteback = step === 'crm-account' ? 'no CRM account yet' : await this.writeBack(flow, refusal);
    const error = new NonRetryableJobError(refusal.category, refusal.message, {
      flowId: flow.id,
      concordId: flow.concordId,
      step,
      customer: flow.input.customer,
      details: refusal.details,
      ...(refusal.answer === undefined ? {} : { targetAnswer: refusal.answer }),
    });
    await this.dataSource.transaction(async (tx) => {
      await this.flows.markStep(
        flow.id,
        step,
        'REJECTED',
        attempt.attempt,
        {
          category: refusal.category,
          message: refusal.message,
          details: refusal.details,
          ...(refusal.answer === undefined ? {} : { answer: refusal.answer }),
          crmWriteback,
        },
        tx,
      );
      await this.flows.setState(flow.id, 'rejected', tx);
      // Only a customer this flow created carries its ID; a linked existing customer keeps its status.
      await this.customers.setSyncStatus(flow.concordId, SyncStatus.Rejected, tx);
      await this.exceptions.record(attempt.exceptionFor(error), tx);
    });
    this.metrics.stepOutcome(step, 'REJECTED');
    throw error;
  }

  /** Through the CRM account service, so an account created in the CRM directly is linked first. */
  private writeBack(flow: FlowRow, refusal: Refusal): Promise<string> {
    return this.crmAccount.writeStatus(flow, { status: SyncStatus.Rejected, message: refusal.message });
  }
}
