import {
  type AdapterErrorKind,
  type ChangeCursor,
  type ErrorDetail,
  type ProductChangeDto,
  type ProductRecordV1,
  type ProductV1,
  type UpsertOutcomeDto,
} from '@concord/contracts';

export type ProductWriteResult =
  | { sku: string; ok: true; outcome: UpsertOutcomeDto }
  | { sku: string; ok: false; error: { kind: AdapterErrorKind; message: string; details: ErrorDetail[] } };

export interface ErpProductChangePage {
  changes: ProductChangeDto[];
  cursor: ChangeCursor;
  hasMore: boolean;
}

/** The ERP's product master (items), in domain words; each ERP vendor adapter implements it. */
export abstract class ErpProducts {
  /** The product with this SKU, if the ERP has it. */
  abstract find(sku: string): Promise<ProductRecordV1 | undefined>;
  /** Creates or replaces the product of this SKU; never creates it twice. */
  abstract upsert(product: ProductV1): Promise<UpsertOutcomeDto>;
  /** Many upserts; one result per product, in input order. */
  abstract upsertMany(products: ProductV1[]): Promise<ProductWriteResult[]>;
  /** Stops the product being sellable; undefined when the ERP has no such product. */
  abstract deactivate(sku: string): Promise<ProductRecordV1 | undefined>;
  /** Changes after the cursor in (modstamp, id) order, deletions included. */
  abstract changesSince(cursor: ChangeCursor | undefined, limit: number): Promise<ErpProductChangePage>;
}
