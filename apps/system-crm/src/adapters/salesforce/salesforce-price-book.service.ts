import { Injectable } from '@nestjs/common';
import { AdapterError, type MoneyV1 } from '@concord/contracts';
import { SalesforceClient } from './salesforce.client.js';
import { classifyRecordErrors, isLostAnswer, SYSTEM, withFieldPaths } from './salesforce.errors.js';
import { toSoqlString } from './salesforce.mappers.js';
import { planPrice, productPathOf } from './salesforce-product.mappers.js';
import {
  PRICE_ENTRY_FIELDS,
  type SalesforcePriceEntry,
  type SalesforceSaveResult,
} from './salesforce.types.js';

const COLLECTION_LIMIT = 200;

/** The price a product should carry in the standard price book; no price means no active entry. */
export interface PriceTarget {
  productId: string;
  price?: MoneyV1;
  active: boolean;
}

export type PriceSyncResult = { ok: true; entryId?: string } | { ok: false; error: AdapterError };

interface PendingWrite {
  productId: string;
  record: Record<string, unknown>;
}

const inList = (ids: string[]) => ids.map(toSoqlString).join(',');

/** Standard price book entries (PricebookEntry) of Product2 records. */
@Injectable()
export class SalesforcePriceBook {
  private standardId: Promise<string> | undefined;

  constructor(private readonly client: SalesforceClient) {}

  /** Each product's entries in the standard price book. */
  async entriesOf(productIds: string[]): Promise<Map<string, SalesforcePriceEntry[]>> {
    const byProduct = new Map<string, SalesforcePriceEntry[]>();
    if (productIds.length === 0) return byProduct;
    const standard = await this.standard();
    const entries = await this.client.query<SalesforcePriceEntry>(
      'products.price-read',
      `SELECT ${PRICE_ENTRY_FIELDS.join(',')} FROM PricebookEntry WHERE Pricebook2Id = ` +
        `${toSoqlString(standard)} AND Product2Id IN (${inList(productIds)})`,
    );
    for (const entry of entries) {
      byProduct.set(entry.Product2Id, [...(byProduct.get(entry.Product2Id) ?? []), entry]);
    }
    return byProduct;
  }

  /**
   * Brings each product's standard price in line with its target: the entry ID per product, or the
   * error Salesforce gave for it. A create whose answer was lost is re-planned from what was stored,
   * so an entry is never created twice.
   */
  async sync(targets: PriceTarget[]): Promise<Map<string, PriceSyncResult>> {
    try {
      return await this.apply(targets);
    } catch (error) {
      if (!(error instanceof AdapterError) || !isLostAnswer(error.cause)) throw error;
      return this.apply(targets);
    }
  }

  /** Switches off the product's entries in every price book. */
  async deactivate(productId: string): Promise<void> {
    const active = await this.client.query<{ Id: string }>(
      'products.price-read',
      `SELECT Id FROM PricebookEntry WHERE Product2Id = ${toSoqlString(productId)} AND IsActive = true`,
    );
    const results = new Map<string, PriceSyncResult>();
    await this.write(
      'PATCH',
      active.map((entry) => ({ productId, record: this.entry({ id: entry.Id, IsActive: false }) })),
      results,
    );
    const failed = results.get(productId);
    if (failed && !failed.ok) throw failed.error;
  }

  private async apply(targets: PriceTarget[]): Promise<Map<string, PriceSyncResult>> {
    const entries = await this.entriesOf(targets.map((target) => target.productId));
    const standard = await this.standard();
    const results = new Map<string, PriceSyncResult>();
    const creates: PendingWrite[] = [];
    const updates: PendingWrite[] = [];
    for (const { productId, price, active } of targets) {
      const plan = planPrice(entries.get(productId) ?? [], price, active);
      results.set(productId, { ok: true, ...(plan.keep ? { entryId: plan.keep } : {}) });
      if (plan.create) {
        const fields = { Pricebook2Id: standard, Product2Id: productId, ...plan.create };
        creates.push({ productId, record: this.entry(fields) });
      }
      for (const { Id, ...fields } of plan.updates) {
        updates.push({ productId, record: this.entry({ id: Id, ...fields }) });
      }
    }
    await this.write('POST', creates, results);
    await this.write('PATCH', updates, results);
    return results;
  }

  /** sObject collections in chunks of 200; a failed record or call fails its products, not the rest. */
  private async write(
    method: 'POST' | 'PATCH',
    pending: PendingWrite[],
    results: Map<string, PriceSyncResult>,
  ): Promise<void> {
    const fail = (productId: string, error: AdapterError) => {
      if (results.get(productId)?.ok !== false) results.set(productId, { ok: false, error });
    };
    for (let start = 0; start < pending.length; start += COLLECTION_LIMIT) {
      const chunk = pending.slice(start, start + COLLECTION_LIMIT);
      let saved: SalesforceSaveResult[];
      try {
        saved = await this.client.request<SalesforceSaveResult[]>(
          'products.price-write',
          method,
          '/composite/sobjects',
          { allOrNone: false, records: chunk.map((item) => item.record) },
        );
      } catch (error) {
        if (!(error instanceof AdapterError) || isLostAnswer(error.cause)) throw error;
        chunk.forEach((item) => fail(item.productId, withFieldPaths(error, productPathOf)));
        continue;
      }
      chunk.forEach(({ productId }, index) => {
        const result = saved[index];
        if (!result?.success) {
          fail(productId, classifyRecordErrors('products.price-write', result?.errors ?? [], productPathOf));
        } else if (method === 'POST' && result.id && results.get(productId)?.ok) {
          results.set(productId, { ok: true, entryId: result.id });
        }
      });
    }
  }

  private entry(fields: Record<string, unknown>): Record<string, unknown> {
    return { attributes: { type: 'PricebookEntry' }, ...fields };
  }

  /** The standard price book's ID, read once. */
  private standard(): Promise<string> {
    if (!this.standardId) {
      const lookup = this.readStandard();
      lookup.catch(() => {
        if (this.standardId === lookup) this.standardId = undefined;
      });
      this.standardId = lookup;
    }
    return this.standardId;
  }

  private async readStandard(): Promise<string> {
    const [book] = await this.client.query<{ Id: string }>(
      'products.price-book',
      'SELECT Id FROM Pricebook2 WHERE IsStandard = true LIMIT 1',
    );
    if (book) return book.Id;
    throw new AdapterError({
      kind: 'Unknown',
      system: SYSTEM,
      operation: 'products.price-book',
      message: 'the Salesforce org has no standard price book',
    });
  }
}
