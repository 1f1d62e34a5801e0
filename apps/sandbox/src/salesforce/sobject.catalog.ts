import { accountDef, contactDef } from './schema/account.schema.js';
import { pricebook2Def, pricebookEntryDef, product2Def } from './schema/product.schema.js';
import { contractDef, opportunityDef, opportunityLineItemDef } from './schema/sales.schema.js';
import { schemaDrift } from './schema-drift.js';
import { type SfField, type SObjectDef } from './sobject.types.js';

export const SOBJECT_DEFS: readonly SObjectDef[] = [
  accountDef,
  contactDef,
  product2Def,
  pricebook2Def,
  pricebookEntryDef,
  opportunityDef,
  opportunityLineItemDef,
  contractDef,
];

const byName = new Map(SOBJECT_DEFS.map((def) => [def.name.toLowerCase(), def]));
const fieldIndexes = new Map(
  SOBJECT_DEFS.map((def) => [
    def.name,
    new Map(def.fields.map((field) => [field.name.toLowerCase(), field])),
  ]),
);

/** Object and field names are case-insensitive on the wire; answers always use the defined spelling. */
export function findObject(name: string): SObjectDef | undefined {
  return byName.get(name.toLowerCase());
}

export function findField(def: SObjectDef, name: string): SfField | undefined {
  const field = fieldIndexes.get(def.name)?.get(name.toLowerCase());
  return field && schemaDrift.apply(def.name, field);
}

/** The object's fields as describe shows them, schema drift applied. */
export function liveFields(def: SObjectDef): SfField[] {
  return def.fields.flatMap((field) => schemaDrift.apply(def.name, field) ?? []);
}

export function findByKeyPrefix(id: string): SObjectDef | undefined {
  return SOBJECT_DEFS.find((def) => id.startsWith(def.keyPrefix));
}

/** Children that reference `type` and go away with it. */
export function cascadeChildren(type: string): { def: SObjectDef; field: SfField }[] {
  return SOBJECT_DEFS.flatMap((def) =>
    def.fields
      .filter((field) => field.cascadeDelete === true && field.referenceTo === type)
      .map((field) => ({ def, field })),
  );
}
