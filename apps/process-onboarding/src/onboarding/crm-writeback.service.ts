import { Injectable } from '@nestjs/common';
import { SyncStatus, SystemCrmClient } from '@concord/contracts';
import { UpstreamHttpError } from '@concord/http';
import { CustomerRepository } from '@concord/persistence';
import { CrmAccountService } from './crm-account.service.js';
import { FlowCustomerService } from './flow-customer.service.js';
import { type FlowRow, OnboardingFlowRepository } from './onboarding-flow.repository.js';
import { stepWriteKey } from './onboarding-steps.js';
import { writebackOf } from './writeback-message.util.js';

/** The last step: the ERP number, billing ID and Synced status on the flow's CRM account. */
@Injectable()
export class CrmWritebackService {
  constructor(
    private readonly flows: OnboardingFlowRepository,
    private readonly flowCustomer: FlowCustomerService,
    private readonly customers: CustomerRepository,
    private readonly crmAccount: CrmAccountService,
    private readonly crm: SystemCrmClient,
  ) {}

  /** Creates the CRM account first when none exists (a flow from a CRM ID the CRM lacks), then writes the verdict. */
  async run(flow: FlowRow, attempt: number): Promise<Record<string, unknown>> {
    const erp = await this.flowCustomer.confirmed(flow, 'erp');
    const billing = await this.flowCustomer.confirmed(flow, 'billing');
    const { customerId, customer } = await this.flowCustomer.target(flow);
    const detail: Record<string, unknown> = {};
    if (!(await this.crmAccountExists(flow))) {
      const key = stepWriteKey(flow.id, 'crm-writeback');
      await this.flows.markStep(flow.id, 'crm-writeback', 'SUBMITTED', attempt, { idempotencyKey: key });
      const created = await this.crm.upsertCustomer(
        flow.concordId,
        await this.flowCustomer.validatedCustomer(flow),
        key,
      );
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
    const created = await this.flows.stepOf(flow, 'crm-account');
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
}
