import { code as currencyByCode } from 'currency-codes';
import {
  AdapterError,
  type MoneyV1,
  type ProductRecordV1,
  ProductType,
  type ProductV1,
} from '@concord/contracts';
import { BC_SYSTEM } from './business-central.errors.js';
import { externalIdOf } from './business-central.mappers.js';
import {
  type BcItem,
  type BcItemType,
  type BcItemWrite,
  type CompanyContext,
} from './business-central.types.js';

const TO_BC_TYPE: Record<ProductType, BcItemType> = {
  [ProductType.Inventory]: 'Inventory',
  [ProductType.Service]: 'Service',
  [ProductType.NonInventory]: 'Non-Inventory',
};

const FROM_BC_TYPE: Record<BcItemType, ProductType> = {
  Inventory: ProductType.Inventory,
  Service: ProductType.Service,
  'Non-Inventory': ProductType.NonInventory,
};

/** Decimal digits of the currency's minor unit (JPY 0, EUR 2, BHD 3), from ISO 4217. */
export function currencyDigits(currency: string): number {
  const digits = currencyByCode(currency)?.digits;
  if (digits === undefined) throw new Error(`ISO 4217 names no minor unit for ${currency}`);
  return digits;
}

/**
 * Business Central decimal → minor units. The shift goes through the decimal text (`1.005e2`), not a
 * float multiplication (1.005 × 100 = 100.49999…), and rounds half up: items may hold more decimals
 * than the currency has.
 */
export function toMinorUnits(amount: number, currency: string): number {
  const digits = currencyDigits(currency);
  const shifted = Number(`${amount}e${digits}`);
  return Math.round(Number.isFinite(shifted) ? shifted : amount * 10 ** digits);
}

/** Minor units → Business Central decimal, shifted through the decimal text so no float error creeps in. */
export function fromMinorUnits(amountMinor: number, currency: string): number {
  return Number(`${amountMinor}e-${currencyDigits(currency)}`);
}

/**
 * Canonical → Business Central item. An item carries one price, in the company's local currency;
 * `recurring` and `description` are not item properties and are not written.
 */
export function toBcItem(product: ProductV1, company: CompanyContext): BcItemWrite {
  const price = product.unitPrice;
  if (price && price.currency !== company.localCurrency) {
    const message = `Business Central items are priced in ${company.name}'s local currency ${company.localCurrency}, not ${price.currency}`;
    throw new AdapterError({
      kind: 'Rejected',
      system: BC_SYSTEM,
      operation: 'items.map',
      message,
      details: [{ path: 'unitPrice.currency', message, code: 'CURRENCY_NOT_LOCAL' }],
    });
  }
  return {
    number: product.sku,
    displayName: product.name,
    type: TO_BC_TYPE[product.type],
    blocked: !product.active,
    unitPrice: price ? fromMinorUnits(price.amountMinor, price.currency) : 0,
    ...(product.unitOfMeasure ? { baseUnitOfMeasureCode: product.unitOfMeasure } : {}),
  };
}

/** Business Central item → canonical record, priced in the company's local currency. */
export function fromBcItem(item: BcItem, company: CompanyContext): ProductRecordV1 {
  const unitPrice: MoneyV1 = {
    amountMinor: toMinorUnits(item.unitPrice, company.localCurrency),
    currency: company.localCurrency,
  };
  return {
    externalId: externalIdOf(company.id, item.id),
    sourceVersion: item.lastModifiedDateTime,
    sku: item.number,
    name: item.displayName,
    type: FROM_BC_TYPE[item.type] ?? ProductType.Inventory,
    active: !item.blocked,
    unitPrice,
    ...(item.baseUnitOfMeasureCode ? { unitOfMeasure: item.baseUnitOfMeasureCode } : {}),
  };
}
