import { Injectable } from '@nestjs/common';
import {
  type CustomerV1,
  SyncStatus,
  SystemBillingClient,
  SystemCrmClient,
  SystemErpClient,
} from '@concord/contracts';
import { UpstreamHttpError } from '@concord/http';
import { CustomerRepository } from '@concord/persistence';
import { NonRetryableJobError } from '@concord/queues';
import { CanonicalCustomerValidator, describeInvalid } from './canonical-customer.validator.js';
import { CrmAccountService } from './crm-account.service.js';
import { MatchStepService } from './match-step.service.js';
import { type FlowRow, OnboardingFlowRepository } from './onboarding-flow.repository.js';
import { type StepName, stepWriteKey } from './onboarding-steps.js';
import { StepRejectedError } from './step-rejected.error.js';
import { writebackOf } from './writeback-message.util.js';

/** The work of each saga step: one system call (or the canonical check), answering the step detail. */
@Injectable()
export class OnboardingStepsService {
  constructor(
    private readonly flows: OnboardingFlowRepository,
    private readonly validator: CanonicalCustomerValidator,
    private readonly matchStep: MatchStepService,
    private readonly customers: CustomerRepository,
    private readonly crmAccount: CrmAccountService,
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
        return this.matchStep.run(flow, await this.validatedCustomer(flow));
      case 'erp':
        return this.upsertIn('erp', flow, attempt);
      case 'billing':
        return this.upsertIn('billing', flow, attempt);
      case 'crm-writeback':
        return this.writeBack(flow, attempt);
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
    const { customerId, customer } = await this.target(flow);
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

  /** Creates the CRM account first when none exists (a flow from a CRM ID the CRM lacks), then writes the verdict. */
  private async writeBack(flow: FlowRow, attempt: number): Promise<Record<string, unknown>> {
    const erp = await this.confirmed(flow.id, 'erp');
    const billing = await this.confirmed(flow.id, 'billing');
    const { customerId, customer } = await this.target(flow);
    const detail: Record<string, unknown> = {};
    if (!(await this.crmAccountExists(flow))) {
      const key = stepWriteKey(flow.id, 'crm-writeback');
      await this.flows.markStep(flow.id, 'crm-writeback', 'SUBMITTED', attempt, { idempotencyKey: key });
      const created = await this.crm.upsertCustomer(flow.concordId, await this.validatedCustomer(flow), key);
      await this.flows.linkXref(flow.concordId, 'crm', created.externalId);
      detail.crmAccountCreated = created.externalId;
    } else {
      await this.flows.markStep(flow.id, 'crm-writeback', 'SUBMITTED', attempt);
    }
    const linked = customerId === flow.concordId ? undefined : { customerId, name: customer.name };
    const update = writebackOf(erp, billing.externalId, linked);
    const record = await this.crm.updateSyncStatus(flow.concordId, { status: SyncStatus.Synced, ...update });
    await this.customers.setSyncStatus(customerId, SyncStatus.Synced);
    return {
      ...detail,
      crmAccountId: record.externalId,
      erpExternalId: erp.externalId,
      ...(update.erpCustomerNumber ? { erpCustomerNumber: update.erpCustomerNumber } : {}),
      billingCustomerId: billing.externalId,
      ...(linked ? { linkedTo: customerId } : {}),
    };
  }

  private async crmAccountExists(flow: FlowRow): Promise<boolean> {
    const created = await this.flows.step(flow.id, 'crm-account');
    if (created?.outcome === 'CONFIRMED') return true;
    if (await this.crmAccount.ensureLinked(flow)) return true;
    try {
      await this.crm.getCustomer(flow.concordId);
      return true;
    } catch (error) {
      if (error instanceof UpstreamHttpError && error.status === 404) return false;
      throw error;
    }
  }

  /** The canonical customer this flow writes: the match step's choice, as the store holds it. */
  private async target(flow: FlowRow): Promise<{ customerId: string; customer: CustomerV1 }> {
    const match = await this.flows.step(flow.id, 'match');
    const chosen = match?.outcome === 'CONFIRMED' ? match.detail.customerId : undefined;
    const customerId = typeof chosen === 'string' ? chosen : flow.concordId;
    const stored = await this.customers.find(customerId);
    return {
      customerId,
      customer: (stored?.data as CustomerV1 | undefined) ?? (await this.validatedCustomer(flow)),
    };
  }

  private async validatedCustomer(flow: FlowRow): Promise<CustomerV1> {
    const step = await this.flows.step(flow.id, 'validate');
    const customer = step?.outcome === 'CONFIRMED' ? step.detail.customer : undefined;
    if (!customer || typeof customer !== 'object') {
      throw new NonRetryableJobError('technical', `flow ${flow.id} has no validated customer`, {
        flowId: flow.id,
      });
    }
    return customer as CustomerV1;
  }

  private async confirmed(
    flowId: string,
    step: 'erp' | 'billing',
  ): Promise<{ externalId: string; number?: string }> {
    const row = await this.flows.step(flowId, step);
    const externalId = row?.outcome === 'CONFIRMED' ? row.detail.externalId : undefined;
    if (typeof externalId !== 'string') {
      throw new NonRetryableJobError('technical', `flow ${flowId} has no confirmed ${step} customer`, {
        flowId,
      });
    }
    const number = row?.detail.number;
    return { externalId, ...(typeof number === 'string' ? { number } : {}) };
  }
}
