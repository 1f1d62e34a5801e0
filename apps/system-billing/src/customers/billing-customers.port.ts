import {
  type ChangeCursor,
  type CustomerChangePageDto,
  type CustomerRecordV1,
  type CustomerV1,
  type UpsertOutcomeDto,
} from '@concord/contracts';

/** The billing system's customers, in canonical terms; one implementation per billing vendor. */
export abstract class BillingCustomers {
  /** The billing customer holding this canonical ID, or undefined. */
  abstract find(concordId: string): Promise<CustomerRecordV1 | undefined>;

  /**
   * Creates or replaces the billing customer of a canonical ID, at most once per canonical ID:
   * `writeKey` makes a repeated create (after a lost answer) return the first result.
   */
  abstract upsert(concordId: string, customer: CustomerV1, writeKey: string): Promise<UpsertOutcomeDto>;

  /** Customer changes after the cursor, oldest first, deletions included. */
  abstract changesSince(cursor: ChangeCursor | undefined, limit: number): Promise<CustomerChangePageDto>;
}
