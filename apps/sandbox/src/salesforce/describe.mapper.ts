import { liveFields, SOBJECT_DEFS } from './sobject.catalog.js';
import { type SfField, type SObjectDef } from './sobject.types.js';

const SOAP_TYPES: Record<SfField['type'], string> = {
  id: 'tns:ID',
  reference: 'tns:ID',
  string: 'xsd:string',
  textarea: 'xsd:string',
  picklist: 'xsd:string',
  phone: 'xsd:string',
  url: 'xsd:string',
  email: 'xsd:string',
  boolean: 'xsd:boolean',
  double: 'xsd:double',
  currency: 'xsd:double',
  percent: 'xsd:double',
  int: 'xsd:int',
  date: 'xsd:date',
  datetime: 'xsd:dateTime',
};

export function describeField(field: SfField): Record<string, unknown> {
  const isText = SOAP_TYPES[field.type] === 'xsd:string' || field.type === 'id' || field.type === 'reference';
  const length = isText ? (field.length ?? 255) : 0;
  const system = !field.createable && !field.updateable && !field.calculated;
  return {
    name: field.name,
    label: field.label,
    type: field.type,
    soapType: SOAP_TYPES[field.type],
    length,
    byteLength: length * 3,
    digits: field.type === 'int' ? (field.precision ?? 9) : 0,
    precision: field.type === 'int' ? 0 : (field.precision ?? 0),
    scale: field.scale ?? 0,
    picklistValues: (field.picklist ?? []).map((value) => ({
      active: true,
      defaultValue: value === field.defaultValue,
      label: value,
      validFor: null,
      value,
    })),
    restrictedPicklist: field.restricted === true,
    externalId: field.externalId === true,
    unique: field.unique === true,
    idLookup: field.name === 'Id' || field.externalId === true,
    nillable: field.required !== true && field.type !== 'boolean' && field.type !== 'id' && !system,
    createable: field.createable,
    updateable: field.updateable,
    defaultedOnCreate: system || field.defaultValue !== undefined || field.type === 'boolean',
    defaultValue: field.defaultValue ?? null,
    calculated: field.calculated === true,
    custom: field.custom === true,
    nameField: field.name === 'Name',
    referenceTo: field.referenceTo ? [field.referenceTo] : [],
    relationshipName: field.relationshipName ?? null,
    cascadeDelete: field.cascadeDelete === true,
    filterable: field.type !== 'textarea',
    sortable: field.type !== 'textarea',
    groupable: field.type !== 'textarea' && field.type !== 'double' && field.type !== 'currency',
    autoNumber: false,
    caseSensitive: false,
  };
}

export function objectUrls(def: SObjectDef, version: string): Record<string, string> {
  const base = `/services/data/v${version}/sobjects/${def.name}`;
  return { sobject: base, describe: `${base}/describe`, rowTemplate: `${base}/{ID}` };
}

export function objectSummary(def: SObjectDef, version: string): Record<string, unknown> {
  return {
    name: def.name,
    label: def.label,
    labelPlural: def.labelPlural,
    keyPrefix: def.keyPrefix,
    custom: false,
    createable: true,
    updateable: true,
    deletable: true,
    queryable: true,
    retrieveable: true,
    searchable: true,
    undeletable: true,
    triggerable: true,
    replicateable: true,
    layoutable: true,
    mergeable: def.name === 'Account' || def.name === 'Contact',
    urls: objectUrls(def, version),
  };
}

export function describeObject(def: SObjectDef, version: string): Record<string, unknown> {
  const childRelationships = SOBJECT_DEFS.flatMap((child) =>
    child.fields
      .filter((field) => field.referenceTo === def.name)
      .map((field) => ({
        cascadeDelete: field.cascadeDelete === true,
        childSObject: child.name,
        field: field.name,
        relationshipName: child.labelPlural.replace(/\s+/g, ''),
      })),
  );
  return {
    ...objectSummary(def, version),
    activateable: false,
    customSetting: false,
    deprecatedAndHidden: false,
    feedEnabled: false,
    childRelationships,
    recordTypeInfos: [],
    fields: liveFields(def).map(describeField),
  };
}
