import { Injectable } from '@nestjs/common';
import {
  type CustomerV1,
  SyncStatus,
  SystemBillingClient,
  SystemCrmClient,
  SystemErpClient,
} from '@concord/contracts';
import { UpstreamHttpError } from '@concord/http';
import { NonRetryableJobError } from '@concord/queues';
import { CanonicalCustomerValidator, describeInvalid } from './canonical-customer.validator.js';
import { type FlowRow, OnboardingFlowRepository } from './onboarding-flow.repository.js';
import { type StepName, stepWriteKey } from './onboarding-steps.js';
import { StepRejectedError } from './step-rejected.error.js';

const SYNC_MESSAGE_LIMIT = 255;
const ERP_NUMBER_LIMIT = 20;

/** The work of each saga step: one system call (or the canonical check), answering the step detail. */
@Injectable()
export class OnboardingStepsService {
  constructor(
    private readonly flows: OnboardingFlowRepository,
    private readonly validator: CanonicalCustomerValidator,
    private readonly crm: SystemCrmClient,
    private readonly erp: SystemErpClient,
    private readonly billing: SystemBillingClient,
  ) {}

  run(step: StepName, flow: FlowRow, attempt: number): Promise<Record<string, unknown>> {
    switch (step) {
      case 'crm-account':
        return this.createCrmAccount(flow, attempt);
      case 'validate':
        return this.validate(flow);
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

  private async upsertIn(
    step: 'erp' | 'billing',
    flow: FlowRow,
    attempt: number,
  ): Promise<Record<string, unknown>> {
    const customer = await this.validatedCustomer(flow);
    const key = stepWriteKey(flow.id, step);
    await this.flows.markStep(flow.id, step, 'SUBMITTED', attempt, { idempotencyKey: key });
    const client = step === 'erp' ? this.erp : this.billing;
    const outcome = await client.upsertCustomer(flow.concordId, customer, key);
    await this.flows.linkXref(flow.concordId, step, outcome.externalId);
    return { externalId: outcome.externalId, created: outcome.created, sourceVersion: outcome.sourceVersion };
  }

  /** Creates the CRM account first when Concord has not (a CRM-triggered flow), then writes the verdict. */
  private async writeBack(flow: FlowRow, attempt: number): Promise<Record<string, unknown>> {
    const erpId = await this.confirmedExternalId(flow.id, 'erp');
    const billingId = await this.confirmedExternalId(flow.id, 'billing');
    const detail: Record<string, unknown> = {};
    if (await this.linkCrmAccount(flow)) {
      await this.flows.markStep(flow.id, 'crm-writeback', 'SUBMITTED', attempt);
    } else if (!(await this.crmAccountExists(flow))) {
      const key = stepWriteKey(flow.id, 'crm-writeback');
      await this.flows.markStep(flow.id, 'crm-writeback', 'SUBMITTED', attempt, { idempotencyKey: key });
      const created = await this.crm.upsertCustomer(flow.concordId, await this.validatedCustomer(flow), key);
      await this.flows.linkXref(flow.concordId, 'crm', created.externalId);
      detail.crmAccountCreated = created.externalId;
    } else {
      await this.flows.markStep(flow.id, 'crm-writeback', 'SUBMITTED', attempt);
    }
    const message = `Onboarded: ERP customer ${erpId}, billing customer ${billingId}`;
    const record = await this.crm.updateSyncStatus(flow.concordId, {
      status: SyncStatus.Synced,
      message: message.slice(0, SYNC_MESSAGE_LIMIT),
      billingCustomerId: billingId,
      // The CRM field holds an ERP customer number; an ERP identity longer than that stays in the message.
      ...(erpId.length <= ERP_NUMBER_LIMIT ? { erpCustomerNumber: erpId } : {}),
    });
    return { ...detail, crmAccountId: record.externalId, erpExternalId: erpId, billingCustomerId: billingId };
  }

  /** A flow started from a CRM account stamps the canonical ID on it, instead of creating another. */
  private async linkCrmAccount(flow: FlowRow): Promise<boolean> {
    const crmAccountId = flow.input.crmAccountId;
    if (!crmAccountId) return false;
    try {
      await this.crm.linkCustomer(flow.concordId, crmAccountId);
    } catch (error) {
      if (error instanceof UpstreamHttpError && error.status === 404) return false;
      throw error;
    }
    await this.flows.linkXref(flow.concordId, 'crm', crmAccountId);
    return true;
  }

  private async crmAccountExists(flow: FlowRow): Promise<boolean> {
    const created = await this.flows.step(flow.id, 'crm-account');
    if (created?.outcome === 'CONFIRMED') return true;
    try {
      await this.crm.getCustomer(flow.concordId);
      return true;
    } catch (error) {
      if (error instanceof UpstreamHttpError && error.status === 404) return false;
      throw error;
    }
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

  private async confirmedExternalId(flowId: string, step: 'erp' | 'billing'): Promise<string> {
    const row = await this.flows.step(flowId, step);
    const externalId = row?.outcome === 'CONFIRMED' ? row.detail.externalId : undefined;
    if (typeof externalId !== 'string') {
      throw new NonRetryableJobError('technical', `flow ${flowId} has no confirmed ${step} customer`, {
        flowId,
      });
    }
    return externalId;
  }
}
