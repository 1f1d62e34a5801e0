import {
  type ChangeCursor,
  type SalesOrderChangeDto,
  type SalesOrderOutcomeDto,
  type SalesOrderRecordV1,
  type SalesOrderV1,
} from '@concord/contracts';

export interface ErpChangePage<C> {
  changes: C[];
  cursor: ChangeCursor;
  hasMore: boolean;
}

/** The ERP's sales orders, addressed by Concord's reference (the external document number). */
export abstract class ErpSalesOrders {
  /** Creates the order with its lines once; a second call for the same reference finds and completes it. */
  abstract create(order: SalesOrderV1): Promise<SalesOrderOutcomeDto>;
  /** The order carrying this reference, if the ERP has it. */
  abstract find(reference: string): Promise<SalesOrderRecordV1 | undefined>;
  /** Changes after the cursor in (modstamp, id) order, deletions included. */
  abstract changesSince(
    cursor: ChangeCursor | undefined,
    limit: number,
  ): Promise<ErpChangePage<SalesOrderChangeDto>>;
}
