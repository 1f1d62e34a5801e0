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
import { classifyRecordErrors, isLostAnswer, subresponseBody, SYSTEM } from './salesforce.errors.js';
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
const withConcordIdIn = (concordIds: readonly string[]) =>
  `Concord_Id__c IN (${concordIds.map(toSoqlString).join(',')})`;
/** The account a composite call found in its `account` subrequest. */
const ACCOUNT_REF = '/sobjects/Account/@{account.Id}';

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

  /**
   * Two API calls for up to 200 customers: which of them the org has already, then one composite call
   * that upserts them all (new accounts become customers in the same write) and reads their versions.
   */
  async upsertMany(writes: CustomerWrite[]): Promise<CustomerWriteResult[]> {
    const concordIds = writes.map((write) => write.concordId);
    const existing = await this.existingConcordIds(concordIds);
    const records = writes.map(({ concordId, customer }) => ({
      attributes: { type: 'Account' },
      Concord_Id__c: concordId,
      ...toAccountWrite(customer),
      ...(existing.has(concordId) ? {} : { Type: 'Customer' }),
    }));
    const [upserted, versions] = await this.client.composite('customers.upsert-batch', [
      {
        method: 'PATCH',
        url: '/composite/sobjects/Account/Concord_Id__c',
        referenceId: 'upserted',
        body: { allOrNone: false, records },
      },
      {
        method: 'GET',
        url: `/query?q=${encodeURIComponent(
          `SELECT Id, SystemModstamp FROM Account WHERE ${withConcordIdIn(concordIds)}`,
        )}`,
        referenceId: 'versions',
      },
    ]);
    const results = subresponseBody<SalesforceSaveResult[]>('customers.upsert-batch', upserted);
    const stamps = new Map(
      subresponseBody<SalesforceQueryResult<Pick<SalesforceAccount, 'Id' | 'SystemModstamp'>>>(
        'customers.read-version',
        versions,
      ).records.map((record) => [record.Id, toIsoInstant(record.SystemModstamp)]),
    );
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

  /** One composite call: find the account by Concord ID, write the status by record ID, read it back. */
  async updateSyncStatus(concordId: string, update: SyncStatusUpdateDto): Promise<CustomerRecordV1> {
    if (update.accountId) return this.linkAndUpdateSyncStatus(concordId, update.accountId, update);
    const [found, written, after] = await this.client.composite('customers.sync-status', [
      { method: 'GET', url: `${byConcordId(concordId)}?fields=Id`, referenceId: 'account' },
      // By record ID, not upsert: a write-back must never create an account.
      { method: 'PATCH', url: ACCOUNT_REF, referenceId: 'written', body: toSyncWrite(update) },
      { method: 'GET', url: `${ACCOUNT_REF}?fields=${FIELDS}`, referenceId: 'after' },
    ]);
    if (found?.httpStatusCode === 404) {
      throw new AdapterError({
        kind: 'NotFound',
        system: SYSTEM,
        operation: 'customers.sync-status',
        message: `no Account with Concord_Id__c ${concordId}`,
      });
    }
    subresponseBody('customers.sync-status', found);
    // The read-back does not depend on the write: a refused write must fail here, not read as done.
    subresponseBody('customers.sync-status', written);
    return fromAccount(subresponseBody<SalesforceAccount>('customers.sync-status', after));
  }

  async link(concordId: string, externalId: string): Promise<CustomerRecordV1> {
    const account = await this.read('customers.link', externalId);
    if (account.Concord_Id__c === concordId) return fromAccount(account);
    assertLinkable(account, concordId, 'customers.link', 'externalId');
    return fromAccount(await this.writeAndRead('customers.link', account.Id, { Concord_Id__c: concordId }));
  }

  /** Two calls: the account by record ID, then the link and the verdict in one write, read back. */
  private async linkAndUpdateSyncStatus(
    concordId: string,
    accountId: string,
    update: SyncStatusUpdateDto,
  ): Promise<CustomerRecordV1> {
    const operation = 'customers.sync-status';
    const account = await this.read(operation, accountId);
    assertLinkable(account, concordId, operation, 'accountId');
    const link = account.Concord_Id__c ? {} : { Concord_Id__c: concordId };
    return fromAccount(await this.writeAndRead(operation, account.Id, { ...link, ...toSyncWrite(update) }));
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
    const account = created
      ? await this.writeAndRead('customers.mark-customer', id, { Type: 'Customer' })
      : await this.read('customers.read-version', id);
    return { externalId: id, created, sourceVersion: toIsoInstant(account.SystemModstamp) };
  }

  /** A write by record ID and the account as it is after it, in one composite call. */
  private async writeAndRead(
    operation: string,
    id: string,
    fields: Record<string, unknown>,
  ): Promise<SalesforceAccount> {
    const [written, after] = await this.client.composite(operation, [
      { method: 'PATCH', url: byId(id), referenceId: 'written', body: fields },
      { method: 'GET', url: `${byId(id)}?fields=${FIELDS}`, referenceId: 'after' },
    ]);
    subresponseBody(operation, written);
    return subresponseBody<SalesforceAccount>(operation, after);
  }

  /** The Concord IDs of these that an account carries already. */
  private async existingConcordIds(concordIds: string[]): Promise<Set<string>> {
    const soql = `SELECT Id, Concord_Id__c FROM Account WHERE ${withConcordIdIn(concordIds)}`;
    const rows = await this.client.query<Pick<SalesforceAccount, 'Id' | 'Concord_Id__c'>>(
      'customers.upsert-lookup',
      soql,
    );
    return new Set(rows.flatMap((row) => (row.Concord_Id__c ? [row.Concord_Id__c] : [])));
  }

  private savedId(result: SalesforceSaveResult, operation: string): string {
    if (result.success && result.id) return result.id;
    throw classifyRecordErrors(operation, result.errors);
  }

  private read(operation: string, id: string): Promise<SalesforceAccount> {
    return this.client.request<SalesforceAccount>(operation, 'GET', `${byId(id)}?fields=${FIELDS}`);
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
}

/** An account may take a canonical ID when it carries none or that one already. */
function assertLinkable(
  account: SalesforceAccount,
  concordId: string,
  operation: string,
  path: string,
): void {
  if (!account.Concord_Id__c || account.Concord_Id__c === concordId) return;
  throw new AdapterError({
    kind: 'Conflict',
    system: SYSTEM,
    operation,
    message: `Account ${account.Id} is linked to Concord ID ${account.Concord_Id__c} already`,
    details: [{ path, message: 'linked to another Concord ID' }],
  });
}
