import { code as currencyByCode } from 'currency-codes';
import {
  type MoneyV1,
  type ProductChangeDto,
  type ProductRecordV1,
  ProductType,
  type ProductV1,
} from '@concord/contracts';
import { toIsoInstant } from './salesforce.mappers.js';
import { type ProductWrite, type SalesforcePriceEntry, type SalesforceProduct } from './salesforce.types.js';

/** Product Family picklist value of each canonical type (Services, Hardware, Software, Subscription). */
const FAMILY_OF_TYPE: Record<ProductType, string> = {
  [ProductType.Service]: 'Services',
  [ProductType.Inventory]: 'Hardware',
  [ProductType.NonInventory]: 'Software',
};
const TYPE_OF_FAMILY: Record<string, ProductType> = {
  services: ProductType.Service,
  subscription: ProductType.Service,
  hardware: ProductType.Inventory,
  software: ProductType.NonInventory,
};

/** Units of measure as ERPs write them → the QuantityUnitOfMeasure picklist value. */
const UNIT_OF_CODE: Record<string, string> = {
  EA: 'Each',
  EACH: 'Each',
  PCS: 'Each',
  PC: 'Each',
  H: 'Hour',
  HR: 'Hour',
  HOUR: 'Hour',
  MO: 'Month',
  MON: 'Month',
  MONTH: 'Month',
  YR: 'Year',
  YEAR: 'Year',
  LIC: 'License',
  LICENSE: 'License',
};
const CODE_OF_UNIT: Record<string, string> = {
  each: 'EA',
  hour: 'HOUR',
  month: 'MONTH',
  year: 'YEAR',
  license: 'LICENSE',
};

/** Product2 and PricebookEntry field → canonical product path. */
const PRODUCT_PATHS: Record<string, string> = {
  name: 'name',
  productcode: 'sku',
  erp_item_number__c: 'sku',
  description: 'description',
  isactive: 'active',
  family: 'type',
  quantityunitofmeasure: 'unitOfMeasure',
  unitprice: 'unitPrice.amountMinor',
  currencyisocode: 'unitPrice.currency',
};

export function productPathOf(salesforceField: string): string {
  return PRODUCT_PATHS[salesforceField.toLowerCase()] ?? salesforceField;
}

/** Decimal digits of the currency's minor unit (JPY 0, EUR 2, BHD 3), from ISO 4217. */
export function minorUnitDigits(currency: string): number {
  const record = currencyByCode(currency.toUpperCase());
  if (!record) throw new RangeError(`${currency} is not an ISO 4217 currency`);
  return record.digits;
}

/** The list price Salesforce stores: the amount in major units. */
export function toUnitPrice(money: MoneyV1): number {
  return money.amountMinor / 10 ** minorUnitDigits(money.currency);
}

export function toMoney(unitPrice: number, currency: string): MoneyV1 {
  return { amountMinor: Math.round(unitPrice * 10 ** minorUnitDigits(currency)), currency };
}

/** The Product2 fields a canonical product sets; the SKU goes into the external ID and ProductCode. */
export function toProductWrite(product: ProductV1): ProductWrite {
  const unit = product.unitOfMeasure ? UNIT_OF_CODE[product.unitOfMeasure.trim().toUpperCase()] : undefined;
  return {
    Name: product.name,
    ProductCode: product.sku,
    Description: product.description === undefined || product.description === '' ? null : product.description,
    IsActive: product.active,
    Family: FAMILY_OF_TYPE[product.type],
    QuantityUnitOfMeasure: unit ?? null,
  };
}

/**
 * The entry that carries the product's price: the latest active one; for an inactive product, whose
 * entries were switched off with it, the latest one.
 */
export function currentEntry(
  entries: SalesforcePriceEntry[],
  productActive: boolean,
): SalesforcePriceEntry | undefined {
  const latest = [...entries].sort((a, b) => b.SystemModstamp.localeCompare(a.SystemModstamp));
  return latest.find((entry) => entry.IsActive) ?? (productActive ? undefined : latest[0]);
}

/** A Product2 and its standard price as the canonical record the system API answers. */
export function fromProduct(product: SalesforceProduct, entries: SalesforcePriceEntry[]): ProductRecordV1 {
  const entry = currentEntry(entries, product.IsActive);
  const unit = product.QuantityUnitOfMeasure && CODE_OF_UNIT[product.QuantityUnitOfMeasure.toLowerCase()];
  return {
    sku: product.ERP_Item_Number__c ?? product.ProductCode ?? '',
    name: product.Name ?? '',
    ...(product.Description ? { description: product.Description } : {}),
    type: TYPE_OF_FAMILY[(product.Family ?? '').toLowerCase()] ?? ProductType.NonInventory,
    active: product.IsActive,
    ...(entry ? { unitPrice: toMoney(entry.UnitPrice, entry.CurrencyIsoCode) } : {}),
    ...(unit ? { unitOfMeasure: unit } : {}),
    externalId: product.Id,
    ...(entry ? { priceExternalId: entry.Id } : {}),
    sourceVersion: toIsoInstant(product.SystemModstamp),
  };
}

/** One change-feed entry; deleted rows (from `queryAll`) carry no record. */
export function toProductChange(
  product: SalesforceProduct,
  entries: SalesforcePriceEntry[],
): ProductChangeDto {
  return {
    kind: product.IsDeleted ? 'delete' : 'upsert',
    sku: product.ERP_Item_Number__c ?? product.ProductCode ?? '',
    externalId: product.Id,
    sourceVersion: toIsoInstant(product.SystemModstamp),
    ...(product.IsDeleted ? {} : { record: fromProduct(product, entries) }),
  };
}

/** What to write so the standard price book holds exactly the product's price, active with it. */
export interface PricePlan {
  /** The existing entry in the price's currency, when there is one. */
  keep?: string;
  create?: { UnitPrice: number; CurrencyIsoCode: string; IsActive: boolean };
  updates: Array<{ Id: string; UnitPrice?: number; IsActive: boolean }>;
}

/**
 * Entries are unique per currency and their currency cannot change: the price's currency gets its
 * entry created or updated, and entries in other currencies are switched off.
 */
export function planPrice(
  entries: SalesforcePriceEntry[],
  price: MoneyV1 | undefined,
  active: boolean,
): PricePlan {
  const same = price && entries.find((entry) => entry.CurrencyIsoCode === price.currency);
  const updates: PricePlan['updates'] = entries
    .filter((entry) => entry !== same && entry.IsActive)
    .map((entry) => ({ Id: entry.Id, IsActive: false }));
  if (!price) return { updates };
  const unitPrice = toUnitPrice(price);
  if (!same) {
    return { create: { UnitPrice: unitPrice, CurrencyIsoCode: price.currency, IsActive: active }, updates };
  }
  if (same.UnitPrice !== unitPrice || same.IsActive !== active) {
    updates.unshift({ Id: same.Id, UnitPrice: unitPrice, IsActive: active });
  }
  return { keep: same.Id, updates };
}
