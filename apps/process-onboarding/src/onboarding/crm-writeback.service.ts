import { Injectable } from '@nestjs/common';
import { SyncStatus, SystemCrmClient } from '@concord/contracts';
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

  /** Writes the verdict; creates the CRM account first when the CRM has none for the flow. */
  async run(flow: FlowRow, attempt: number): Promise<Record<string, unknown>> {
    const erp = await this.flowCustomer.confirmed(flow, 'erp');
    const billing = await this.flowCustomer.confirmed(flow, 'billing');
    const { customerId, customer } = await this.flowCustomer.target(flow);
    const linked = customerId === flow.concordId ? undefined : { customerId, name: customer.name };
    const update = { status: SyncStatus.Synced, ...writebackOf(erp, billing.externalId, linked) };
    await this.flows.markStep(flow.id, 'crm-writeback', 'SUBMITTED', attempt);
    const detail: Record<string, unknown> = {};
    let record = await this.crmAccount.writeVerdict(flow, update);
    if (!record) {
      // A flow from a CRM ID the CRM lacks, or whose account is gone: the CRM owns identity, so the
      // customer gets its account back before the verdict is written on it.
      const key = stepWriteKey(flow.id, 'crm-writeback');
      await this.flows.markStep(flow.id, 'crm-writeback', 'SUBMITTED', attempt, { idempotencyKey: key });
      const created = await this.crm.upsertCustomer(
        flow.concordId,
        await this.flowCustomer.validatedCustomer(flow),
        key,
      );
      await this.flows.linkXref(flow.concordId, 'crm', created.externalId);
      detail.crmAccountCreated = created.externalId;
      record = await this.crm.updateSyncStatus(flow.concordId, update);
    }
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
}
