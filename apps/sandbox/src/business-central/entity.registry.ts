import { type BcField, type EntityDef } from './bc-entity.types.js';
import { customerEntity, itemEntity } from './entities/customer.entity.js';
import { defaultDimensionEntity } from './entities/default-dimension.entity.js';
import {
  countryEntity,
  currencyEntity,
  dimensionEntity,
  dimensionValueEntity,
  paymentTermsEntity,
} from './entities/reference.entity.js';
import { salesInvoiceEntity, salesOrderEntity } from './entities/sales-header.entity.js';
import { salesInvoiceLineEntity, salesOrderLineEntity } from './entities/sales-line.entity.js';

export const ENTITY_DEFS: readonly EntityDef[] = [
  customerEntity,
  itemEntity,
  salesOrderEntity,
  salesOrderLineEntity,
  salesInvoiceEntity,
  salesInvoiceLineEntity,
  dimensionEntity,
  dimensionValueEntity,
  defaultDimensionEntity,
  paymentTermsEntity,
  currencyEntity,
  countryEntity,
];

const bySet = new Map(ENTITY_DEFS.map((def) => [def.set, def]));

/** Entity set names are case-sensitive in Business Central URLs. */
export function findEntity(set: string): EntityDef | undefined {
  return bySet.get(set);
}

export function findField(def: EntityDef, name: string): BcField | undefined {
  return def.fields.find((candidate) => candidate.name === name);
}
