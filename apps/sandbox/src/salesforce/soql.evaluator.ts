import { recordUrl } from './record.mapper.js';
import { normalizeId } from './salesforce-id.util.js';
import { SalesforceError } from './salesforce.errors.js';
import { type SalesforceStore } from './salesforce.store.js';
import { findField, findObject } from './sobject.catalog.js';
import { type SfField, type SfRecord, type SfValue, type SObjectDef } from './sobject.types.js';
import { parseSoql, queryError } from './soql.parser.js';
import { type SoqlCondition, type SoqlFieldRef, type SoqlLiteral, type SoqlOperator } from './soql.types.js';

interface BoundField {
  chain: SfField[];
  field: SfField;
}

type Comparable = string | number | boolean;

const DAY_MS = 86_400_000;
const TEXT_TYPES = new Set(['string', 'textarea', 'picklist', 'phone', 'url', 'email', 'id', 'reference']);
const NUMBER_TYPES = new Set(['double', 'currency', 'percent', 'int']);

export interface QueryResult {
  totalSize: number;
  rows: Record<string, unknown>[];
}

export function runQuery(
  soql: string,
  store: SalesforceStore,
  includeDeleted: boolean,
  version: string,
): QueryResult {
  const query = parseSoql(soql);
  const text = soql.trim();
  const def = findObject(query.object.path);
  if (!def) {
    throw queryError(
      'INVALID_TYPE',
      text,
      query.object.column,
      `sObject type '${query.object.path}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`,
    );
  }
  const bind = (ref: SoqlFieldRef): BoundField => bindField(def, ref, text);
  const select = query.fields.map(bind);
  const where = query.where ? compileCondition(query.where, bind, text, store) : () => true;
  let rows = store.rows(def.name, includeDeleted).filter(where);
  if (query.orderBy.length > 0) {
    const orders = query.orderBy.map((order) => ({ ...order, bound: bind(order.field) }));
    rows = [...rows].sort((a, b) => {
      for (const order of orders) {
        const left = comparable(order.bound.field, valueOf(a, order.bound, store));
        const right = comparable(order.bound.field, valueOf(b, order.bound, store));
        if (left === right) continue;
        if (left === null) return order.nullsLast ? 1 : -1;
        if (right === null) return order.nullsLast ? -1 : 1;
        return (left < right ? -1 : 1) * (order.descending ? -1 : 1);
      }
      return 0;
    });
  }
  if ((query.offset ?? 0) > 2000) {
    throw new SalesforceError(400, 'NUMBER_OUTSIDE_VALID_RANGE', 'Maximum SOQL offset allowed is 2000');
  }
  rows = rows.slice(
    query.offset ?? 0,
    query.limit === undefined ? undefined : (query.offset ?? 0) + query.limit,
  );
  if (query.count) return { totalSize: rows.length, rows: [] };
  return { totalSize: rows.length, rows: rows.map((row) => project(def, row, select, store, version)) };
}

function bindField(def: SObjectDef, ref: SoqlFieldRef, soql: string): BoundField {
  let parts = ref.path.split('.');
  if (parts.length > 1 && parts[0]?.toLowerCase() === def.name.toLowerCase()) parts = parts.slice(1);
  let current = def;
  const chain: SfField[] = [];
  for (const relationship of parts.slice(0, -1)) {
    const link = current.fields.find((f) => f.relationshipName?.toLowerCase() === relationship.toLowerCase());
    const target = findObject(link?.referenceTo ?? '');
    if (!link || !target) {
      throw queryError(
        'INVALID_FIELD',
        soql,
        ref.column,
        `Didn't understand relationship '${relationship}' in field path.`,
      );
    }
    chain.push(link);
    current = target;
  }
  const name = parts[parts.length - 1] ?? '';
  const field = findField(current, name);
  if (!field) {
    throw queryError(
      'INVALID_FIELD',
      soql,
      ref.column,
      `No such column '${name}' on entity '${current.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
    );
  }
  return { chain, field };
}

function parentOf(record: SfRecord, link: SfField, store: SalesforceStore): SfRecord | undefined {
  const parent = store.get(link.referenceTo ?? '', String(record[link.name]));
  return parent && parent.IsDeleted !== true ? parent : undefined;
}

function valueOf(record: SfRecord, bound: BoundField, store: SalesforceStore): SfValue {
  let current: SfRecord | undefined = record;
  for (const link of bound.chain) current = current ? parentOf(current, link, store) : undefined;
  return current?.[bound.field.name] ?? null;
}

function comparable(field: SfField, value: SfValue): Comparable | null {
  if (value === null) return null;
  if (field.type === 'id' || field.type === 'reference') return normalizeId(String(value)) ?? String(value);
  if (TEXT_TYPES.has(field.type)) return String(value).toLowerCase();
  if (field.type === 'date') return Date.parse(`${String(value)}T00:00:00Z`);
  if (field.type === 'datetime') return Date.parse(String(value).replace('+0000', 'Z'));
  return value;
}

function checkLiteral(field: SfField, literal: SoqlLiteral, soql: string, column: number): void {
  const kind = literal.kind;
  if (kind === 'null') return;
  const fits = TEXT_TYPES.has(field.type)
    ? kind === 'string'
    : NUMBER_TYPES.has(field.type)
      ? kind === 'number'
      : field.type === 'boolean'
        ? kind === 'boolean'
        : field.type === 'date'
          ? kind === 'date' || kind === 'relative'
          : kind === 'datetime' || kind === 'relative';
  if (fits) return;
  const typeName = field.type === 'datetime' ? 'dateTime' : field.type;
  const quoting = TEXT_TYPES.has(field.type)
    ? 'should be enclosed in quotes'
    : 'should not be enclosed in quotes';
  throw queryError(
    'INVALID_FIELD',
    soql,
    column,
    `value of filter criterion for field '${field.name}' must be of type ${typeName} and ${quoting}`,
  );
}

function literalValue(field: SfField, literal: SoqlLiteral): Comparable | null {
  switch (literal.kind) {
    case 'null':
      return null;
    case 'string':
      return comparable(field, literal.value);
    case 'number':
    case 'boolean':
      return literal.value;
    case 'date':
      return Date.parse(`${literal.value}T00:00:00Z`);
    case 'datetime':
      return literal.value.getTime();
    case 'relative':
      return relativeRange(literal)[0];
  }
}

function relativeRange(literal: Extract<SoqlLiteral, { kind: 'relative' }>): [number, number] {
  const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
  switch (literal.name) {
    case 'YESTERDAY':
      return [today - DAY_MS, today];
    case 'TOMORROW':
      return [today + DAY_MS, today + 2 * DAY_MS];
    case 'LAST_N_DAYS':
      return [today - literal.n * DAY_MS, today + DAY_MS];
    case 'NEXT_N_DAYS':
      return [today + DAY_MS, today + (literal.n + 1) * DAY_MS];
    default:
      return [today, today + DAY_MS];
  }
}

function matches(op: SoqlOperator, field: SfField, value: SfValue, literal: SoqlLiteral): boolean {
  const left = comparable(field, value);
  if (literal.kind === 'relative') {
    if (left === null) return op === '!=';
    const [start, end] = relativeRange(literal);
    const inside = (left as number) >= start && (left as number) < end;
    const byOp: Record<SoqlOperator, boolean> = {
      '=': inside,
      '!=': !inside,
      '<': (left as number) < start,
      '<=': (left as number) < end,
      '>': (left as number) >= end,
      '>=': (left as number) >= start,
    };
    return byOp[op];
  }
  const right = literalValue(field, literal);
  if (left === null || right === null)
    return op === '=' ? left === right : op === '!=' ? left !== right : false;
  const byOp: Record<SoqlOperator, boolean> = {
    '=': left === right,
    '!=': left !== right,
    '<': left < right,
    '<=': left <= right,
    '>': left > right,
    '>=': left >= right,
  };
  return byOp[op];
}

function likeRegex(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const char = pattern.charAt(i);
    if (char === '\\' && i + 1 < pattern.length) {
      i += 1;
      source += pattern.charAt(i).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    } else if (char === '%') source += '.*';
    else if (char === '_') source += '.';
    else source += char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'is');
}

function compileCondition(
  condition: SoqlCondition,
  bind: (ref: SoqlFieldRef) => BoundField,
  soql: string,
  store: SalesforceStore,
): (record: SfRecord) => boolean {
  switch (condition.kind) {
    case 'and':
    case 'or': {
      const terms = condition.terms.map((term) => compileCondition(term, bind, soql, store));
      return condition.kind === 'and'
        ? (record) => terms.every((term) => term(record))
        : (record) => terms.some((term) => term(record));
    }
    case 'not': {
      const inner = compileCondition(condition.term, bind, soql, store);
      return (record) => !inner(record);
    }
    case 'compare': {
      const bound = bind(condition.field);
      checkLiteral(bound.field, condition.value, soql, condition.field.column);
      return (record) => matches(condition.op, bound.field, valueOf(record, bound, store), condition.value);
    }
    case 'in': {
      const bound = bind(condition.field);
      for (const value of condition.values) checkLiteral(bound.field, value, soql, condition.field.column);
      return (record) => {
        const value = valueOf(record, bound, store);
        const found = condition.values.some((literal) => matches('=', bound.field, value, literal));
        return condition.negated ? !found : found;
      };
    }
    case 'like': {
      const bound = bind(condition.field);
      const regex = likeRegex(condition.pattern);
      return (record) => {
        const value = valueOf(record, bound, store);
        return value !== null && regex.test(String(value));
      };
    }
  }
}

function project(
  def: SObjectDef,
  record: SfRecord,
  select: BoundField[],
  store: SalesforceStore,
  version: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    attributes: { type: def.name, url: recordUrl(version, def.name, String(record.Id)) },
  };
  for (const bound of select) {
    let target = out;
    let current: SfRecord | undefined = record;
    for (const link of bound.chain) {
      const name = link.relationshipName ?? link.name;
      current = current ? parentOf(current, link, store) : undefined;
      if (!current) {
        target[name] ??= null;
        break;
      }
      const type = link.referenceTo ?? '';
      target[name] ??= { attributes: { type, url: recordUrl(version, type, String(current.Id)) } };
      target = target[name] as Record<string, unknown>;
    }
    if (current) target[bound.field.name] = current[bound.field.name] ?? null;
  }
  return out;
}
