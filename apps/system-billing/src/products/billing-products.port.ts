import { type ProductRecordV1, type ProductV1, type UpsertOutcomeDto } from '@concord/contracts';

/** The billing system's product catalog, in canonical terms; one implementation per billing vendor. */
export abstract class BillingProducts {
  /** The billing product of a SKU with its current price, or undefined. */
  abstract find(sku: string): Promise<ProductRecordV1 | undefined>;

  /**
   * Creates or replaces the billing product of a SKU and brings its current price in line, at most
   * one product per SKU: `writeKey` makes a repeated create (after a lost answer) return the first result.
   */
  abstract upsert(product: ProductV1, writeKey: string): Promise<UpsertOutcomeDto>;

  /** Stops the product from being sold (idempotent); undefined when no product holds the SKU. */
  abstract deactivate(sku: string): Promise<ProductRecordV1 | undefined>;
}
