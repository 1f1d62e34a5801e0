import { Injectable } from '@nestjs/common';
import {
  AdapterError,
  type ProductRecordV1,
  type ProductV1,
  type UpsertOutcomeDto,
} from '@concord/contracts';
import { BillingProducts } from '../../products/billing-products.port.js';
import { StripeClient } from './stripe.client.js';
import { isoFromSeconds } from './stripe.mappers.js';
import { defaultPriceOf, StripePricesService } from './stripe-prices.service.js';
import { productIdOf, toProductRecord, toStripeProductParams } from './stripe-product.mappers.js';
import { type StripeProductWire } from './stripe.types.js';

const isNotFound = (error: unknown): boolean => error instanceof AdapterError && error.kind === 'NotFound';
const answerLost = (error: unknown): boolean => error instanceof AdapterError && error.kind === 'Temporary';
const alreadyExists = (error: unknown): boolean =>
  error instanceof AdapterError && error.vendor?.code === 'resource_already_exists';

/**
 * Billing products in Stripe. The product ID is derived from the SKU, so finding a product is one
 * retrieve and two writers of the same SKU meet on the same ID instead of creating two products.
 */
@Injectable()
export class StripeProductsService extends BillingProducts {
  constructor(
    private readonly stripe: StripeClient,
    private readonly prices: StripePricesService,
  ) {
    super();
  }

  async find(sku: string): Promise<ProductRecordV1 | undefined> {
    const product = await this.retrieve(productIdOf(sku));
    if (!product) return undefined;
    return toProductRecord(product, await this.prices.current(sku), sku);
  }

  async upsert(product: ProductV1, writeKey: string): Promise<UpsertOutcomeDto> {
    const id = productIdOf(product.sku);
    const existing = await this.retrieve(id);
    const written = existing
      ? { product: await this.update(id, product), created: false }
      : await this.create(id, product, writeKey);
    const synced = await this.prices.sync(written.product, product, writeKey);
    return {
      externalId: synced.product.id,
      created: written.created,
      sourceVersion: isoFromSeconds(synced.product.updated),
    };
  }

  async deactivate(sku: string): Promise<ProductRecordV1 | undefined> {
    const id = productIdOf(sku);
    let product = await this.retrieve(id);
    if (!product) return undefined;
    // The default price is released first: Stripe keeps a product's default price active.
    if (product.active || defaultPriceOf(product) !== null) {
      product = await this.stripe.call('products.update', (sdk) =>
        sdk.products.update(id, { active: false, default_price: '' }),
      );
    }
    await this.prices.archiveAll(id);
    return toProductRecord(product, await this.prices.current(sku), sku);
  }

  private async create(
    id: string,
    product: ProductV1,
    writeKey: string,
  ): Promise<{ product: StripeProductWire; created: boolean }> {
    const params = { id, ...toStripeProductParams(product, 'create') };
    try {
      const created = await this.stripe.call('products.create', (sdk) =>
        sdk.products.create(params, { idempotencyKey: writeKey }),
      );
      return { product: created, created: true };
    } catch (error) {
      // Another writer created the SKU's product first: this write becomes an update.
      if (alreadyExists(error)) return { product: await this.update(id, product), created: false };
      // The create may have happened with its answer lost: look before anyone creates again.
      if (!answerLost(error)) throw error;
      const found = await this.retrieve(id);
      if (!found) throw error;
      return { product: found, created: true };
    }
  }

  private update(id: string, product: ProductV1): Promise<StripeProductWire> {
    const params = toStripeProductParams(product, 'update');
    return this.stripe.call('products.update', (sdk) => sdk.products.update(id, params));
  }

  private async retrieve(id: string): Promise<StripeProductWire | undefined> {
    try {
      const product = await this.stripe.call('products.retrieve', (sdk) => sdk.products.retrieve(id));
      return 'deleted' in product && product.deleted ? undefined : product;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }
}
