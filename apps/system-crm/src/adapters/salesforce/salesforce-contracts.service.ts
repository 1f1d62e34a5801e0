import { Injectable } from '@nestjs/common';
import { type ContractChangeDto, type ContractRecordV1 } from '@concord/contracts';
import { CrmContracts } from '../../contracts/crm-contracts.port.js';
import { type ChangeScanPosition } from '../../customers/crm-customers.port.js';
import { SalesforceClient } from './salesforce.client.js';
import { toChangeScanWhere, toSoqlString } from './salesforce.mappers.js';
import { fromContract, toContractChange } from './salesforce-sales.mappers.js';
import { SalesforceSalesRefs } from './salesforce-sales-refs.service.js';
import { CONTRACT_FIELDS, type SalesforceContract } from './salesforce-sales.types.js';

const FIELDS = CONTRACT_FIELDS.join(',');

/** The CRM contract port on Salesforce Contract. */
@Injectable()
export class SalesforceContracts extends CrmContracts {
  constructor(
    private readonly client: SalesforceClient,
    private readonly refs: SalesforceSalesRefs,
  ) {
    super();
  }

  async find(externalId: string): Promise<ContractRecordV1 | undefined> {
    const [row] = await this.client.query<SalesforceContract>(
      'contracts.get',
      `SELECT ${FIELDS} FROM Contract WHERE Id = ${toSoqlString(externalId)} LIMIT 1`,
    );
    return row && fromContract(row, await this.refs.resolve([row.AccountId], []));
  }

  async readActivatedChanges(position: ChangeScanPosition, limit: number): Promise<ContractChangeDto[]> {
    const rows = await this.client.query<SalesforceContract>(
      'contracts.changes',
      `SELECT ${FIELDS} FROM Contract${toChangeScanWhere(position, "Status = 'Activated'")} ORDER BY SystemModstamp, Id LIMIT ${limit}`,
      true,
    );
    const refs = await this.refs.resolve(
      rows.filter((row) => !row.IsDeleted).map((row) => row.AccountId),
      [],
    );
    return rows.map((row) => toContractChange(row, refs));
  }
}
