import {
  type AdapterErrorKind,
  type ChangeCursor,
  type ChangeKind,
  type CustomerRecordV1,
  type CustomerV1,
  type ErrorDetail,
  type UpsertOutcomeDto,
} from '@concord/contracts';

/** A customer as the ERP holds it; the canonical ID is only known where Concord looked it up. */
export type ErpCustomerData = Omit<CustomerRecordV1, 'concordId'>;

export interface ErpCustomerChange {
  kind: ChangeKind;
  externalId: string;
  sourceVersion: string;
  record?: ErpCustomerData;
}

export interface ErpChangePage {
  changes: ErpCustomerChange[];
  cursor: ChangeCursor;
  hasMore: boolean;
}

export interface CustomerWrite {
  concordId: string;
  customer: CustomerV1;
}

export type CustomerWriteResult =
  | { concordId: string; ok: true; outcome: UpsertOutcomeDto }
  | {
      concordId: string;
      ok: false;
      error: { kind: AdapterErrorKind; message: string; details: ErrorDetail[] };
    };

/** The ERP's customer master, in domain words; each ERP vendor adapter implements it. */
export abstract class ErpCustomers {
  /**
   * The customer Concord wrote for this canonical ID, if the ERP has it: the record `knownExternalId`
   * names when given and still there, else the one found by the canonical ID.
   */
  abstract find(concordId: string, knownExternalId?: string): Promise<CustomerRecordV1 | undefined>;
  /** Creates or replaces the customer of this canonical ID; never creates it twice. */
  abstract upsert(concordId: string, customer: CustomerV1): Promise<UpsertOutcomeDto>;
  /** Many upserts through the vendor's bulk path; one result per item, in input order. */
  abstract upsertMany(writes: CustomerWrite[]): Promise<CustomerWriteResult[]>;
  /** Changes after the cursor in (modstamp, id) order, deletions included. */
  abstract changesSince(cursor: ChangeCursor | undefined, limit: number): Promise<ErpChangePage>;
}
