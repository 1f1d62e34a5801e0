import { Injectable } from '@nestjs/common';
import { SystemBillingClient, SystemCrmClient, SystemErpClient } from '@concord/contracts';
import { CanonicalCustomerValidator, describeInvalid } from './canonical-customer.validator.js';
import { CrmWritebackService } from './crm-writeback.service.js';
import { FlowCustomerService } from './flow-customer.service.js';
import { MatchStepService } from './match-step.service.js';
import { type FlowRow, OnboardingFlowRepository } from './onboarding-flow.repository.js';
import { type StepName, stepWriteKey } from './onboarding-steps.js';
import { StepRejectedError } from './step-rejected.error.js';

/** The work of each saga step: one system call (or the canonical check), answering the step detail. */
@Injectable()
export class OnboardingStepsService {
  constructor(
    private readonly flows: OnboardingFlowRepository,
    private readonly validator: CanonicalCustomerValidator,
    private readonly matchStep: MatchStepService,
    private readonly flowCustomer: FlowCustomerService,
    private readonly writeback: CrmWritebackService,
    private readonly crm: SystemCrmClient,
    private readonly erp: SystemErpClient,
    private readonly billing: SystemBillingClient,
  ) {}

  async run(step: StepName, flow: FlowRow, attempt: number): Promise<Record<string, unknown>> {
    switch (step) {
      case 'crm-account':
        return this.createCrmAccount(flow, attempt);
      case 'validate':
        return this.validate(flow);
      case 'match':
        return this.matchStep.run(flow, await this.flowCustomer.validatedCustomer(flow));
      case 'erp':
        return this.upsertIn('erp', flow, attempt);
      case 'billing':
        return this.upsertIn('billing', flow, attempt);
      case 'crm-writeback':
        return this.writeback.run(flow, attempt);
    }
  }

  /** A customer the canonical rules refuse is never sent to the CRM either. */
  private async createCrmAccount(flow: FlowRow, attempt: number): Promise<Record<string, unknown>> {
    const check = await this.validator.check(flow.input.customer);
    if (!check.valid)
      throw new StepRejectedError('validation', describeInvalid(check.details), check.details);
    const key = stepWriteKey(flow.id, 'crm-account');
    await this.flows.markStep(flow.id, 'crm-account', 'SUBMITTED', attempt, { idempotencyKey: key });
    const outcome = await this.crm.upsertCustomer(flow.concordId, check.customer, key);
    await this.flows.linkXref(flow.concordId, 'crm', outcome.externalId);
    return { externalId: outcome.externalId, created: outcome.created, sourceVersion: outcome.sourceVersion };
  }

  private async validate(flow: FlowRow): Promise<Record<string, unknown>> {
    const check = await this.validator.check(flow.input.customer);
    if (!check.valid)
      throw new StepRejectedError('validation', describeInvalid(check.details), check.details);
    return { customer: check.customer, warnings: check.warnings };
  }

  /**
   * Writes the canonical customer the match step chose: for a linked duplicate that is the existing
   * customer, so the idempotent upsert reaches its ERP and billing records instead of creating new ones.
   */
  private async upsertIn(
    step: 'erp' | 'billing',
    flow: FlowRow,
    attempt: number,
  ): Promise<Record<string, unknown>> {
    const { customerId, customer } = await this.flowCustomer.target(flow);
    const key = stepWriteKey(flow.id, step);
    await this.flows.markStep(flow.id, step, 'SUBMITTED', attempt, { idempotencyKey: key, customerId });
    const client = step === 'erp' ? this.erp : this.billing;
    const outcome = await client.upsertCustomer(customerId, customer, key);
    await this.flows.linkXref(customerId, step, outcome.externalId);
    return {
      externalId: outcome.externalId,
      ...(outcome.number ? { number: outcome.number } : {}),
      created: outcome.created,
      sourceVersion: outcome.sourceVersion,
    };
  }
}
