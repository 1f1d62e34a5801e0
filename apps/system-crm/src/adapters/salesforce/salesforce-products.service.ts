import { Injectable } from '@nestjs/common';
import {
  AdapterError,
  type ProductChangeDto,
  type ProductRecordV1,
  type ProductV1,
  type UpsertOutcomeDto,
} from '@concord/contracts';
import { type HttpMethods } from 'jsforce/lib/types/common.js';
import { type ChangeScanPosition } from '../../customers/crm-customers.port.js';
import { CrmProducts, type ProductWriteResult } from '../../products/crm-products.port.js';
import { type PriceTarget, SalesforcePriceBook } from './salesforce-price-book.service.js';
import { fromProduct, productPathOf, toProductChange, toProductWrite } from './salesforce-product.mappers.js';
import { SalesforceClient } from './salesforce.client.js';
import { classifyRecordErrors, isLostAnswer, withFieldPaths } from './salesforce.errors.js';
import { toChangeScanWhere, toIsoInstant, toSoqlString } from './salesforce.mappers.js';
import {
  PRODUCT_FIELDS,
  type ProductWrite,
  type SalesforceProduct,
  type SalesforceSaveResult,
} from './salesforce.types.js';

const FIELDS = PRODUCT_FIELDS.join(',');
/** How far apart Concord's clock and the org's may be when judging who created a record. */
const CLOCK_SKEW_MS = 5_000;
/** A SKU of dots only is a dot segment that URLs resolve away: such SKUs are written by collections. */
const PATH_SAFE_SKU = /[^.]/;

const bySku = (sku: string) => `/sobjects/Product2/ERP_Item_Number__c/${encodeURIComponent(sku)}`;
const byId = (id: string) => `/sobjects/Product2/${encodeURIComponent(id)}`;
const priceTarget = (productId: string, product: ProductV1): PriceTarget => ({
  productId,
  active: product.active,
  ...(product.unitPrice ? { price: product.unitPrice } : {}),
});

/** The CRM product port on Salesforce Product2 (external ID `ERP_Item_Number__c` = SKU) and prices. */
@Injectable()
export class SalesforceProducts extends CrmProducts {
  constructor(
    private readonly client: SalesforceClient,
    private readonly priceBook: SalesforcePriceBook,
  ) {
    super();
  }

  async find(sku: string): Promise<ProductRecordV1 | undefined> {
    const product = await this.lookup('products.get', sku);
    return product && this.recordOf(product);
  }

  async upsert(product: ProductV1): Promise<UpsertOutcomeDto> {
    if (!PATH_SAFE_SKU.test(product.sku)) return this.upsertOne(product);
    const fields = toProductWrite(product);
    const startedAt = Date.now();
    let saved: { id: string; created: boolean };
    try {
      const result = await this.call<SalesforceSaveResult>(
        'products.upsert',
        'PATCH',
        bySku(product.sku),
        fields,
      );
      saved = { id: this.savedId(result), created: result.created === true };
    } catch (error) {
      if (!(error instanceof AdapterError) || !isLostAnswer(error.cause)) throw error;
      saved = await this.recoverLostUpsert(product.sku, fields, startedAt);
    }
    const price = (await this.priceBook.sync([priceTarget(saved.id, product)])).get(saved.id);
    if (price && !price.ok) throw price.error;
    const stored = await this.read('products.read-version', saved.id);
    return {
      externalId: saved.id,
      created: saved.created,
      sourceVersion: toIsoInstant(stored.SystemModstamp),
    };
  }

  async upsertMany(products: ProductV1[]): Promise<ProductWriteResult[]> {
    const records = products.map((product) => ({
      attributes: { type: 'Product2' },
      ERP_Item_Number__c: product.sku,
      ...toProductWrite(product),
    }));
    const results = await this.call<SalesforceSaveResult[]>(
      'products.upsert-batch',
      'PATCH',
      '/composite/sobjects/Product2/ERP_Item_Number__c',
      { allOrNone: false, records },
    );
    const targets = products.flatMap((product, index) => {
      const id = results[index]?.success ? results[index].id : undefined;
      return id ? [priceTarget(id, product)] : [];
    });
    const prices = await this.priceBook.sync(targets);
    const stamps = await this.modstamps(targets.map((target) => target.productId));
    return products.map(({ sku }, index): ProductWriteResult => {
      const result = results[index];
      if (!result?.success || !result.id) {
        const error = classifyRecordErrors('products.upsert-batch', result?.errors ?? [], productPathOf);
        return { sku, ok: false, error };
      }
      const price = prices.get(result.id);
      if (price && !price.ok) return { sku, ok: false, error: price.error };
      const outcome = { externalId: result.id, created: result.created === true };
      return { sku, ok: true, outcome: { ...outcome, sourceVersion: stamps.get(result.id) ?? '' } };
    });
  }

  async deactivate(sku: string): Promise<ProductRecordV1 | undefined> {
    const product = await this.lookup('products.deactivate', sku);
    if (!product) return undefined;
    if (product.IsActive)
      await this.call('products.deactivate', 'PATCH', byId(product.Id), { IsActive: false });
    await this.priceBook.deactivate(product.Id);
    return this.recordOf(await this.read('products.deactivate', product.Id));
  }

  async readChanges(position: ChangeScanPosition, limit: number): Promise<ProductChangeDto[]> {
    const rows = await this.client.query<SalesforceProduct>(
      'products.changes',
      `SELECT ${FIELDS} FROM Product2${toChangeScanWhere(position)} ORDER BY SystemModstamp, Id LIMIT ${limit}`,
      true,
    );
    const entries = await this.priceBook.entriesOf(rows.filter((row) => !row.IsDeleted).map((row) => row.Id));
    return rows.map((row) => toProductChange(row, entries.get(row.Id) ?? []));
  }

  private async upsertOne(product: ProductV1): Promise<UpsertOutcomeDto> {
    const [result] = await this.upsertMany([product]);
    if (result?.ok) return result.outcome;
    throw result?.error ?? new Error('Salesforce answered no result for the product');
  }

  /**
   * The upsert's answer was lost, so it may or may not have been applied. Look the product up first:
   * if it exists, write the same fields to it by record ID (which can never create); only if it does
   * not exist, upsert again.
   */
  private async recoverLostUpsert(
    sku: string,
    fields: ProductWrite,
    startedAt: number,
  ): Promise<{ id: string; created: boolean }> {
    const existing = await this.lookup('products.upsert-lookup', sku);
    if (!existing) {
      const result = await this.call<SalesforceSaveResult>('products.upsert', 'PATCH', bySku(sku), fields);
      return { id: this.savedId(result), created: result.created === true };
    }
    await this.call('products.upsert-reapply', 'PATCH', byId(existing.Id), fields);
    const created = Date.parse(toIsoInstant(existing.CreatedDate)) >= startedAt - CLOCK_SKEW_MS;
    return { id: existing.Id, created };
  }

  private async recordOf(product: SalesforceProduct): Promise<ProductRecordV1> {
    const entries = await this.priceBook.entriesOf([product.Id]);
    return fromProduct(product, entries.get(product.Id) ?? []);
  }

  /** A Salesforce call whose rejections name canonical product fields. */
  private async call<T>(operation: string, method: HttpMethods, path: string, body?: unknown): Promise<T> {
    try {
      return await this.client.request<T>(operation, method, path, body);
    } catch (error) {
      throw error instanceof AdapterError ? withFieldPaths(error, productPathOf) : error;
    }
  }

  private savedId(result: SalesforceSaveResult): string {
    if (result.success && result.id) return result.id;
    throw classifyRecordErrors('products.upsert', result.errors, productPathOf);
  }

  private read(operation: string, id: string): Promise<SalesforceProduct> {
    return this.client.request<SalesforceProduct>(operation, 'GET', `${byId(id)}?fields=${FIELDS}`);
  }

  /** Looked up by query, not by the external-ID URL, so that any SKU is addressable. */
  private async lookup(operation: string, sku: string): Promise<SalesforceProduct | undefined> {
    const [product] = await this.client.query<SalesforceProduct>(
      operation,
      `SELECT ${FIELDS} FROM Product2 WHERE ERP_Item_Number__c = ${toSoqlString(sku)} LIMIT 1`,
    );
    return product;
  }

  private async modstamps(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.client.query<Pick<SalesforceProduct, 'Id' | 'SystemModstamp'>>(
      'products.read-version',
      `SELECT Id, SystemModstamp FROM Product2 WHERE Id IN (${ids.map(toSoqlString).join(',')})`,
    );
    return new Map(rows.map((row) => [row.Id, toIsoInstant(row.SystemModstamp)]));
  }
}
