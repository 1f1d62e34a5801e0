import { Injectable } from '@nestjs/common';
import {
  AdapterError,
  type CustomerChangeDto,
  type CustomerRecordV1,
  type CustomerV1,
  type SyncStatusUpdateDto,
  type UpsertOutcomeDto,
} from '@concord/contracts';
import {
  type ChangeScanPosition,
  CrmCustomers,
  type CustomerWrite,
  type CustomerWriteResult,
} from '../../customers/crm-customers.port.js';
import { SalesforceClient } from './salesforce.client.js';
import { classifyRecordErrors, isLostAnswer, SYSTEM } from './salesforce.errors.js';
import {
  fromAccount,
  toAccountWrite,
  toCustomerChange,
  toChangeScanWhere,
  toIsoInstant,
  toSoqlString,
  toSyncWrite,
} from './salesforce.mappers.js';
import {
  ACCOUNT_FIELDS,
  type AccountWrite,
  type SalesforceAccount,
  type SalesforceQueryResult,
  type SalesforceSaveResult,
} from './salesforce.types.js';

const FIELDS = ACCOUNT_FIELDS.join(',');
/** How far apart Concord's clock and the org's may be when judging who created a record. */
const CLOCK_SKEW_MS = 5_000;

const byConcordId = (concordId: string) => `/sobjects/Account/Concord_Id__c/${encodeURIComponent(concordId)}`;
const byId = (id: string) => `/sobjects/Account/${encodeURIComponent(id)}`;

/** The CRM customer port on Salesforce Accounts, keyed by the external ID field `Concord_Id__c`. */
@Injectable()
export class SalesforceCustomers extends CrmCustomers {
  constructor(private readonly client: SalesforceClient) {
    super();
  }

  async find(concordId: string): Promise<CustomerRecordV1 | undefined> {
    const account = await this.lookup('customers.get', concordId);
    return account && fromAccount(account);
  }

  async upsert(concordId: string, customer: CustomerV1): Promise<UpsertOutcomeDto> {
    const fields = toAccountWrite(customer);
    const startedAt = Date.now();
    let result: SalesforceSaveResult;
    try {
      result = await this.client.request('customers.upsert', 'PATCH', byConcordId(concordId), fields);
    } catch (error) {
      if (!(error instanceof AdapterError) || !isLostAnswer(error.cause)) throw error;
      return this.recoverLostUpsert(concordId, fields, startedAt);
    }
    return this.settle(this.savedId(result, 'customers.upsert'), result.created === true);
  }

  async upsertMany(writes: CustomerWrite[]): Promise<CustomerWriteResult[]> {
    const records = writes.map(({ concordId, customer }) => ({
      attributes: { type: 'Account' },
      Concord_Id__c: concordId,
      ...toAccountWrite(customer),
    }));
    const results = await this.client.request<SalesforceSaveResult[]>(
      'customers.upsert-batch',
      'PATCH',
      '/composite/sobjects/Account/Concord_Id__c',
      { allOrNone: false, records },
    );
    const saved = results.filter((result) => result.success && result.id);
    const created = saved.filter((result) => result.created).map((result) => result.id as string);
    if (created.length > 0) {
      await this.client.request('customers.mark-customer-batch', 'PATCH', '/composite/sobjects', {
        allOrNone: false,
        records: created.map((id) => ({ attributes: { type: 'Account' }, id, Type: 'Customer' })),
      });
    }
    const stamps = await this.modstamps(saved.map((result) => result.id as string));
    return writes.map(({ concordId }, index): CustomerWriteResult => {
      const result = results[index];
      if (!result?.success || !result.id) {
        return {
          concordId,
          ok: false,
          error: classifyRecordErrors('customers.upsert-batch', result?.errors ?? []),
        };
      }
      return {
        concordId,
        ok: true,
        outcome: {
          externalId: result.id,
          created: result.created === true,
          sourceVersion: stamps.get(result.id) ?? '',
        },
      };
    });
  }

  async updateSyncStatus(concordId: string, update: SyncStatusUpdateDto): Promise<CustomerRecordV1> {
    const account = await this.lookup('customers.sync-status', concordId);
    if (!account) {
      throw new AdapterError({
        kind: 'NotFound',
        system: SYSTEM,
        operation: 'customers.sync-status',
        message: `no Account with Concord_Id__c ${concordId}`,
      });
    }
    // Update by record ID, not upsert: a write-back must never create an account.
    await this.client.request('customers.sync-status', 'PATCH', byId(account.Id), toSyncWrite(update));
    return fromAccount(await this.read('customers.sync-status', account.Id));
  }

  async link(externalId: string, concordId: string): Promise<CustomerRecordV1> {
    const account = await this.readIfExists('customers.link', externalId);
    if (!account) throw linkError('NotFound', `no Account with ID ${externalId}`);
    if (account.Concord_Id__c === concordId) return fromAccount(account);
    if (account.Concord_Id__c) {
      throw linkError(
        'Conflict',
        `Account ${externalId} is already linked to Concord ID ${account.Concord_Id__c}`,
      );
    }
    await this.client.request('customers.link', 'PATCH', byId(account.Id), { Concord_Id__c: concordId });
    return fromAccount(await this.read('customers.link', account.Id));
  }

  async readChanges(position: ChangeScanPosition, limit: number): Promise<CustomerChangeDto[]> {
    const soql = `SELECT ${FIELDS} FROM Account${toChangeScanWhere(position)} ORDER BY SystemModstamp, Id LIMIT ${limit}`;
    let page = await this.client.request<SalesforceQueryResult<SalesforceAccount>>(
      'customers.changes',
      'GET',
      `/queryAll?q=${encodeURIComponent(soql)}`,
    );
    const rows = [...page.records];
    while (!page.done && page.nextRecordsUrl) {
      page = await this.client.request('customers.changes', 'GET', page.nextRecordsUrl);
      rows.push(...page.records);
    }
    return rows.map(toCustomerChange);
  }

  /**
   * The upsert's answer was lost, so it may or may not have been applied. Look the account up first:
   * if it exists, write the same fields to it by record ID (which can never create); only if it does
   * not exist, upsert again.
   */
  private async recoverLostUpsert(
    concordId: string,
    fields: AccountWrite,
    startedAt: number,
  ): Promise<UpsertOutcomeDto> {
    const existing = await this.lookup('customers.upsert-lookup', concordId);
    if (!existing) {
      const result = await this.client.request<SalesforceSaveResult>(
        'customers.upsert',
        'PATCH',
        byConcordId(concordId),
        fields,
      );
      return this.settle(this.savedId(result, 'customers.upsert'), result.created === true);
    }
    await this.client.request('customers.upsert-reapply', 'PATCH', byId(existing.Id), fields);
    const createdByLostWrite = Date.parse(toIsoInstant(existing.CreatedDate)) >= startedAt - CLOCK_SKEW_MS;
    return this.settle(existing.Id, createdByLostWrite && existing.Type !== 'Customer');
  }

  /** New accounts become customers; the answer carries the account's version after the write. */
  private async settle(id: string, created: boolean): Promise<UpsertOutcomeDto> {
    if (created)
      await this.client.request('customers.mark-customer', 'PATCH', byId(id), { Type: 'Customer' });
    const account = await this.read('customers.read-version', id);
    return { externalId: id, created, sourceVersion: toIsoInstant(account.SystemModstamp) };
  }

  private savedId(result: SalesforceSaveResult, operation: string): string {
    if (result.success && result.id) return result.id;
    throw classifyRecordErrors(operation, result.errors);
  }

  private read(operation: string, id: string): Promise<SalesforceAccount> {
    return this.client.request<SalesforceAccount>(operation, 'GET', `${byId(id)}?fields=${FIELDS}`);
  }

  private async readIfExists(operation: string, id: string): Promise<SalesforceAccount | undefined> {
    try {
      return await this.read(operation, id);
    } catch (error) {
      if (error instanceof AdapterError && error.kind === 'NotFound') return undefined;
      throw error;
    }
  }

  private async lookup(operation: string, concordId: string): Promise<SalesforceAccount | undefined> {
    try {
      return await this.client.request<SalesforceAccount>(
        operation,
        'GET',
        `${byConcordId(concordId)}?fields=${FIELDS}`,
      );
    } catch (error) {
      if (error instanceof AdapterError && error.kind === 'NotFound') return undefined;
      throw error;
    }
  }

  private async modstamps(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const soql = `SELECT Id, SystemModstamp FROM Account WHERE Id IN (${ids.map(toSoqlString).join(',')})`;
    const page = await this.client.request<
      SalesforceQueryResult<Pick<SalesforceAccount, 'Id' | 'SystemModstamp'>>
    >('customers.read-version', 'GET', `/query?q=${encodeURIComponent(soql)}`);
    return new Map(page.records.map((record) => [record.Id, toIsoInstant(record.SystemModstamp)]));
  }
}

function linkError(kind: 'NotFound' | 'Conflict', message: string): AdapterError {
  return new AdapterError({ kind, system: SYSTEM, operation: 'customers.link', message });
}
