import { Injectable } from '@nestjs/common';
import { type CustomerChangeDto } from '@concord/contracts';
import { DataSource } from '@concord/persistence';
import { OnboardingFlowRepository } from '../onboarding/onboarding-flow.repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Which canonical customer a CRM account is, if Concord knows it already. */
@Injectable()
export class CrmCustomerLookup {
  constructor(
    private readonly dataSource: DataSource,
    private readonly flows: OnboardingFlowRepository,
  ) {}

  async concordIdOf(change: CustomerChangeDto): Promise<string | undefined> {
    const linked: Array<{ id: string }> = await this.dataSource.query(
      `SELECT canonical_id AS id FROM xref WHERE domain = 'customer' AND system = 'crm' AND external_id = $1`,
      [change.externalId],
    );
    if (linked[0]) return linked[0].id;
    // Started from this account, before the saga linked it.
    const flow = await this.flows.latestForCrmAccount(change.externalId);
    if (flow) return flow.concordId;
    if (!change.concordId || !UUID.test(change.concordId)) return undefined;
    const known: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM customer WHERE id = $1::uuid UNION ALL SELECT 1 FROM flow WHERE entity_id = $1::text LIMIT 1`,
      [change.concordId],
    );
    return known.length > 0 ? change.concordId : undefined;
  }
}
