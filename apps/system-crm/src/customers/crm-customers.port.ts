import {
  type AdapterError,
  type CustomerChangeDto,
  type CustomerRecordV1,
  type CustomerV1,
  type SyncStatusUpdateDto,
  type UpsertOutcomeDto,
} from '@concord/contracts';

/** Where a change scan starts: from an instant (inclusive), or strictly after a delivered change. */
export type ChangeScanPosition =
  { kind: 'start' } | { kind: 'from'; modstamp: string } | { kind: 'after'; modstamp: string; id: string };

export interface CustomerWrite {
  concordId: string;
  customer: CustomerV1;
}

export type CustomerWriteResult =
  | { concordId: string; ok: true; outcome: UpsertOutcomeDto }
  | { concordId: string; ok: false; error: AdapterError };

/** The CRM's customer accounts, addressed by Concord's canonical ID. */
export abstract class CrmCustomers {
  /** Undefined when no account carries this canonical ID. */
  abstract find(concordId: string): Promise<CustomerRecordV1 | undefined>;

  /** Creates or updates the account of this canonical ID; never creates a second one. */
  abstract upsert(concordId: string, customer: CustomerV1): Promise<UpsertOutcomeDto>;

  /** Upserts up to 200 customers in one vendor batch; results in input order, failures per item. */
  abstract upsertMany(writes: CustomerWrite[]): Promise<CustomerWriteResult[]>;

  /**
   * Writes Concord's verdict onto an existing account (NotFound otherwise): the one carrying the
   * canonical ID, or with `update.accountId` that account, stamping the canonical ID on it in the same
   * write (Conflict when it carries another).
   */
  abstract updateSyncStatus(concordId: string, update: SyncStatusUpdateDto): Promise<CustomerRecordV1>;

  /**
   * Stamps the canonical ID on an existing account (found by its CRM record ID), so an account that
   * started in the CRM answers by canonical ID from then on. NotFound, or Conflict when the account
   * carries another canonical ID.
   */
  abstract link(concordId: string, externalId: string): Promise<CustomerRecordV1>;

  /** Up to `limit` changes in (sourceVersion, externalId) order from `position`, deletions included. */
  abstract readChanges(position: ChangeScanPosition, limit: number): Promise<CustomerChangeDto[]>;
}
