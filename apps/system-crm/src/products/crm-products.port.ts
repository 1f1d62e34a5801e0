import {
  type AdapterError,
  type ProductChangeDto,
  type ProductRecordV1,
  type ProductV1,
  type UpsertOutcomeDto,
} from '@concord/contracts';
import { type ChangeScanPosition } from '../customers/crm-customers.port.js';

export type ProductWriteResult =
  { sku: string; ok: true; outcome: UpsertOutcomeDto } | { sku: string; ok: false; error: AdapterError };

/** The CRM's product catalog with list prices, addressed by the ERP's SKU. */
export abstract class CrmProducts {
  /** Undefined when no product carries this SKU. */
  abstract find(sku: string): Promise<ProductRecordV1 | undefined>;

  /** Creates or updates the product of this SKU and its list price; never creates a second one. */
  abstract upsert(product: ProductV1): Promise<UpsertOutcomeDto>;

  /** Upserts up to 200 products in one vendor batch; results in input order, failures per item. */
  abstract upsertMany(products: ProductV1[]): Promise<ProductWriteResult[]>;

  /** Makes the product unsellable (it and its prices inactive); undefined when no product has the SKU. */
  abstract deactivate(sku: string): Promise<ProductRecordV1 | undefined>;

  /** Up to `limit` changes in (sourceVersion, externalId) order from `position`, deletions included. */
  abstract readChanges(position: ChangeScanPosition, limit: number): Promise<ProductChangeDto[]>;
}
