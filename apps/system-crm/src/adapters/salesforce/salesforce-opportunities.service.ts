import { Injectable } from '@nestjs/common';
import { type OpportunityChangeDto, type OpportunityRecordV1 } from '@concord/contracts';
import { type ChangeScanPosition } from '../../customers/crm-customers.port.js';
import { CrmOpportunities } from '../../opportunities/crm-opportunities.port.js';
import { SalesforceClient } from './salesforce.client.js';
import { toChangeScanWhere, toSoqlString } from './salesforce.mappers.js';
import { fromOpportunity, toOpportunityChange } from './salesforce-sales.mappers.js';
import { SalesforceSalesRefs } from './salesforce-sales-refs.service.js';
import {
  OPPORTUNITY_FIELDS,
  OPPORTUNITY_LINE_FIELDS,
  type SalesforceOpportunity,
  type SalesforceOpportunityLine,
} from './salesforce-sales.types.js';

const FIELDS = OPPORTUNITY_FIELDS.join(',');

/** The CRM opportunity port on Salesforce Opportunity and OpportunityLineItem. */
@Injectable()
export class SalesforceOpportunities extends CrmOpportunities {
  constructor(
    private readonly client: SalesforceClient,
    private readonly refs: SalesforceSalesRefs,
  ) {
    super();
  }

  async find(externalId: string): Promise<OpportunityRecordV1 | undefined> {
    const [row] = await this.client.query<SalesforceOpportunity>(
      'opportunities.get',
      `SELECT ${FIELDS} FROM Opportunity WHERE Id = ${toSoqlString(externalId)} LIMIT 1`,
    );
    if (!row) return undefined;
    const { lines, refs } = await this.detailsOf([row]);
    return fromOpportunity(row, lines.get(row.Id) ?? [], refs);
  }

  /** Deleted opportunities that had been won come through `queryAll` as deletions. */
  async readWonChanges(position: ChangeScanPosition, limit: number): Promise<OpportunityChangeDto[]> {
    const rows = await this.client.query<SalesforceOpportunity>(
      'opportunities.changes',
      `SELECT ${FIELDS} FROM Opportunity${toChangeScanWhere(position, 'IsWon = true')} ORDER BY SystemModstamp, Id LIMIT ${limit}`,
      true,
    );
    const { lines, refs } = await this.detailsOf(rows.filter((row) => !row.IsDeleted));
    return rows.map((row) => toOpportunityChange(row, lines.get(row.Id) ?? [], refs));
  }

  /** Line items, account Concord IDs and product SKUs of these opportunities: three queries per page. */
  private async detailsOf(rows: SalesforceOpportunity[]) {
    const all = await this.refs.byParent<SalesforceOpportunityLine>(
      'OpportunityLineItem',
      OPPORTUNITY_LINE_FIELDS,
      'OpportunityId',
      rows.map((row) => row.Id),
    );
    const lines = new Map<string, SalesforceOpportunityLine[]>();
    for (const line of all) lines.set(line.OpportunityId, [...(lines.get(line.OpportunityId) ?? []), line]);
    const refs = await this.refs.resolve(
      rows.flatMap((row) => (row.AccountId ? [row.AccountId] : [])),
      all.map((line) => line.Product2Id),
    );
    return { lines, refs };
  }
}
