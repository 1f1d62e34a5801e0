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

  /** Writes Concord's verdict onto an existing account (NotFound otherwise). */
  abstract updateSyncStatus(concordId: string, update: SyncStatusUpdateDto): Promise<CustomerRecordV1>;

  /**
   * Puts `concordId` on the account with this record ID; a no-op when it carries it already, Conflict
   * when it carries another one, NotFound when there is no such account.
   */
  abstract link(externalId: string, concordId: string): Promise<CustomerRecordV1>;

  /** Up to `limit` changes in (sourceVersion, externalId) order from `position`, deletions included. */
  abstract readChanges(position: ChangeScanPosition, limit: number): Promise<CustomerChangeDto[]>;
}
