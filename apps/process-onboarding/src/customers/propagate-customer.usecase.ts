import { Injectable } from '@nestjs/common';
import {
  type CustomerV1,
  type SystemCustomersClient,
  SystemBillingClient,
  SystemCrmClient,
  SystemErpClient,
} from '@concord/contracts';
import { type OwnerSystem } from '@concord/governance';
import { UpstreamHttpError } from '@concord/http';
import { CustomerRepository, DataSource } from '@concord/persistence';
import { customerFieldsOf } from './canonical-fields.util.js';
import { type CustomerSyncJobData } from './customer-sync.jobs.js';

type Target = Exclude<OwnerSystem, 'concord'>;

/**
 * Pushes the fields a system owns to the other systems: each target's own record is read and only
 * those fields are laid over it, so what the target owns itself is never overwritten. Targets the
 * customer has not reached yet (no xref) are skipped; the onboarding saga brings them in.
 */
@Injectable()
export class PropagateCustomerUseCase {
  private readonly clients: Record<Target, SystemCustomersClient>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly customers: CustomerRepository,
    crm: SystemCrmClient,
    erp: SystemErpClient,
    billing: SystemBillingClient,
  ) {
    this.clients = { crm, erp, billing };
  }

  async execute(job: CustomerSyncJobData): Promise<Record<string, string>> {
    const customer = await this.customers.find(job.concordId);
    if (!customer) return { skipped: 'no canonical customer' };
    const owned = Object.fromEntries(
      job.fields.filter((field) => field in customer.data).map((field) => [field, customer.data[field]]),
    );
    const outcome: Record<string, string> = {};
    for (const target of await this.linkedTargets(job.concordId)) {
      if (target === job.source) continue;
      outcome[target] = await this.push(target, job, owned, customer.version);
    }
    return outcome;
  }

  private async push(
    target: Target,
    job: CustomerSyncJobData,
    owned: Record<string, unknown>,
    version: number,
  ): Promise<string> {
    const client = this.clients[target];
    let current: Record<string, unknown>;
    try {
      current = customerFieldsOf(await client.getCustomer(job.concordId));
    } catch (error) {
      if (error instanceof UpstreamHttpError && error.status === 404) return 'not found';
      throw error;
    }
    const body = { ...current, ...owned } as unknown as CustomerV1;
    // One key per canonical version and target: a redelivered job repeats the same write.
    await client.upsertCustomer(job.concordId, body, `sync-${job.concordId}-v${version}-${target}`);
    return 'updated';
  }

  private async linkedTargets(concordId: string): Promise<Target[]> {
    const rows: Array<{ system: Target }> = await this.dataSource.query(
      `SELECT system FROM xref WHERE domain = 'customer' AND canonical_id = $1 AND system IN ('crm', 'erp', 'billing')
        ORDER BY system`,
      [concordId],
    );
    return rows.map((row) => row.system);
  }
}
