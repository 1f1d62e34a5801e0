import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AdapterError, type ProductV1 } from '@concord/contracts';
import { StripeClient } from './stripe.client.js';
import { priceLookupKey, priceMatches, toStripePriceSpec } from './stripe-product.mappers.js';
import { type StripePriceSpec, type StripePriceWire, type StripeProductWire } from './stripe.types.js';

const PAGE_SIZE = 100;
const answerLost = (error: unknown): boolean => error instanceof AdapterError && error.kind === 'Temporary';

export function defaultPriceOf(product: StripeProductWire): string | null {
  const value = product.default_price ?? null;
  return typeof value === 'string' || value === null ? value : value.id;
}

/**
 * The prices of Concord's Stripe products. Prices are immutable in amount, currency and cadence, so
 * a changed price is a new price that takes over the SKU's lookup key; the old one is archived.
 */
@Injectable()
export class StripePricesService {
  constructor(private readonly stripe: StripeClient) {}

  /** The price holding the SKU's lookup key (the current price, archived when the product is). */
  async current(sku: string): Promise<StripePriceWire | undefined> {
    const page = await this.stripe.call('prices.list', (sdk) =>
      sdk.prices.list({ lookup_keys: [priceLookupKey(sku)], limit: 1 }),
    );
    return page.data[0];
  }

  /**
   * Brings the product's current price and `default_price` in line with the canonical product; the
   * price is active exactly when the product is. Answers the product and price as they now stand.
   */
  async sync(
    product: StripeProductWire,
    canonical: ProductV1,
    writeKey: string,
  ): Promise<{ product: StripeProductWire; price: StripePriceWire | undefined }> {
    const spec = toStripePriceSpec(canonical);
    const active = canonical.active;
    const holder = await this.current(canonical.sku);
    let price = holder && spec && priceMatches(holder, spec) ? holder : undefined;
    if (spec && !price) price = await this.create(product.id, canonical.sku, spec, active, writeKey);
    if (price && active && !price.active) price = await this.update(price.id, { active: true });
    // The default price must stay an active price: switch it before anything is archived.
    const wantedDefault = active && price ? price.id : null;
    let stored = product;
    if (defaultPriceOf(product) !== wantedDefault) {
      stored = await this.stripe.call('products.update', (sdk) =>
        sdk.products.update(product.id, { default_price: wantedDefault ?? '' }),
      );
    }
    if (price && !active && price.active) price = await this.update(price.id, { active: false });
    if (holder && holder.id !== price?.id) {
      // Without a canonical price the SKU's lookup key is released too, so no stale price reads back.
      if (holder.active || !spec) {
        await this.update(holder.id, spec ? { active: false } : { active: false, lookup_key: '' });
      }
    }
    return { product: stored, price };
  }

  /** Archives every active price of the product (Concord's and any other). */
  async archiveAll(productId: string): Promise<void> {
    let startingAfter: string | undefined;
    for (;;) {
      const page = await this.stripe.call('prices.list', (sdk) =>
        sdk.prices.list({
          product: productId,
          active: true,
          limit: PAGE_SIZE,
          ...(startingAfter ? { starting_after: startingAfter } : {}),
        }),
      );
      for (const price of page.data) await this.update(price.id, { active: false });
      const last = page.data.at(-1);
      if (!page.has_more || !last) return;
      startingAfter = last.id;
    }
  }

  private async create(
    productId: string,
    sku: string,
    spec: StripePriceSpec,
    active: boolean,
    writeKey: string,
  ): Promise<StripePriceWire> {
    const idempotencyKey = `concord:price:${createHash('sha256')
      .update(JSON.stringify([writeKey, productId, spec, active]))
      .digest('hex')}`;
    try {
      return await this.stripe.call('prices.create', (sdk) =>
        sdk.prices.create(
          { product: productId, ...spec, active, lookup_key: priceLookupKey(sku), transfer_lookup_key: true },
          { idempotencyKey },
        ),
      );
    } catch (error) {
      // The price may exist with its answer lost: it then holds the lookup key.
      if (!answerLost(error)) throw error;
      const found = await this.current(sku);
      if (!found || !priceMatches(found, spec)) throw error;
      return found;
    }
  }

  private update(id: string, params: { active: boolean; lookup_key?: string }): Promise<StripePriceWire> {
    return this.stripe.call('prices.update', (sdk) => sdk.prices.update(id, params));
  }
}
