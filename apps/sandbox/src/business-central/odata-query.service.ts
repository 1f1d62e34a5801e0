import { type Probe } from '../shared/indexed.store.js';
import { type BcField, type BcRecord, type EntityDef } from './bc-entity.types.js';
import { badRequest, unknownProperty } from './business-central.errors.js';
import { type Row } from './business-central.state.js';
import { decodeSkipToken } from './delta-token.util.js';
import { findField } from './entity.registry.js';
import {
  type ComparisonOp,
  type FilterExpr,
  type FilterLiteral,
  parseFilter,
} from './odata-filter.parser.js';
import { filterProbes } from './odata-filter.probes.js';
import { comparable, literalValue } from './odata-value.util.js';

export interface QueryOptions {
  filter?: (record: BcRecord) => boolean;
  /** Index lookups that find every row `filter` can accept; without them every row is tested. */
  probes?: Probe<Row>[];
  select?: string[];
  orderBy: { field: string; descending: boolean }[];
  top?: number;
  skip: number;
  expand: string[];
  count: boolean;
  skipToken?: { offset: number; seq: number | null };
  deltaToken?: string;
}

const SUPPORTED = [
  '$filter',
  '$select',
  '$top',
  '$skip',
  '$orderby',
  '$expand',
  '$count',
  '$skiptoken',
  '$deltatoken',
  '$schemaversion',
  '$format',
];

const LITERAL_KINDS: Record<BcField['type'], FilterLiteral['kind']> = {
  string: 'string',
  enum: 'string',
  guid: 'guid',
  decimal: 'number',
  integer: 'number',
  boolean: 'boolean',
  date: 'date',
  datetime: 'datetime',
};
const EDM_NAMES: Record<FilterLiteral['kind'], string> = {
  string: 'Edm.String',
  guid: 'Edm.Guid',
  number: 'Edm.Decimal',
  boolean: 'Edm.Boolean',
  date: 'Edm.Date',
  datetime: 'Edm.DateTimeOffset',
  null: 'null',
};
const OP_NAMES: Record<ComparisonOp, string> = {
  eq: 'Equal',
  ne: 'NotEqual',
  gt: 'GreaterThan',
  ge: 'GreaterThanOrEqual',
  lt: 'LessThan',
  le: 'LessThanOrEqual',
};

function propertyOf(def: EntityDef, name: string): BcField {
  const field = findField(def, name);
  if (!field) throw unknownProperty(name, def.type);
  return field;
}

function compile(def: EntityDef, expr: FilterExpr): (record: BcRecord) => boolean {
  switch (expr.kind) {
    case 'and':
    case 'or': {
      const left = compile(def, expr.left);
      const right = compile(def, expr.right);
      return expr.kind === 'and' ? (r) => left(r) && right(r) : (r) => left(r) || right(r);
    }
    case 'not': {
      const operand = compile(def, expr.operand);
      return (r) => !operand(r);
    }
    case 'function': {
      const field = propertyOf(def, expr.field);
      if (field.type !== 'string' && field.type !== 'enum')
        throw badRequest(`The function '${expr.name}' needs a string property; '${expr.field}' is not one.`);
      const needle = expr.value.toLowerCase();
      return (r) => {
        const value = String(r[field.name] ?? '').toLowerCase();
        return expr.name === 'contains'
          ? value.includes(needle)
          : expr.name === 'startswith'
            ? value.startsWith(needle)
            : value.endsWith(needle);
      };
    }
    case 'compare': {
      const field = propertyOf(def, expr.field);
      if (expr.value.kind !== 'null' && LITERAL_KINDS[field.type] !== expr.value.kind) {
        throw badRequest(
          `A binary operator with incompatible types was detected. Found operand types '${EDM_NAMES[LITERAL_KINDS[field.type]]}' and '${EDM_NAMES[expr.value.kind]}' for operator kind '${OP_NAMES[expr.op]}'.`,
        );
      }
      const right = literalValue(expr.value);
      return (r) => {
        const left = comparable(field, r[field.name]);
        if (left === null || right === null)
          return expr.op === 'eq' ? left === right : expr.op === 'ne' ? left !== right : false;
        switch (expr.op) {
          case 'eq':
            return left === right;
          case 'ne':
            return left !== right;
          case 'gt':
            return left > right;
          case 'ge':
            return left >= right;
          case 'lt':
            return left < right;
          case 'le':
            return left <= right;
        }
      };
    }
  }
}

function nonNegativeInt(name: string, raw: string): number {
  if (!/^\d+$/.test(raw)) throw badRequest(`Invalid value '${raw}' for the query option ${name}.`);
  return Number(raw);
}

export function parseQueryOptions(def: EntityDef, query: Record<string, unknown>): QueryOptions {
  const options: QueryOptions = { orderBy: [], skip: 0, expand: [], count: false };
  for (const [name, raw] of Object.entries(query)) {
    if (!name.startsWith('$')) continue;
    if (!SUPPORTED.includes(name)) throw badRequest(`The query parameter '${name}' is not supported.`);
    const value = String(raw);
    switch (name) {
      case '$filter': {
        const expr = parseFilter(value);
        options.filter = compile(def, expr);
        const probes = filterProbes(def, expr);
        if (probes) options.probes = probes;
        break;
      }
      case '$select':
        options.select = value.split(',').map((part) => propertyOf(def, part.trim()).name);
        break;
      case '$top':
        options.top = nonNegativeInt(name, value);
        break;
      case '$skip':
        options.skip = nonNegativeInt(name, value);
        break;
      case '$orderby':
        options.orderBy = value.split(',').map((part) => {
          const [field = '', direction = 'asc'] = part.trim().split(/\s+/);
          if (direction !== 'asc' && direction !== 'desc')
            throw badRequest(`Syntax error in $orderby: '${part}'.`);
          return { field: propertyOf(def, field).name, descending: direction === 'desc' };
        });
        break;
      case '$expand':
        options.expand = value.split(',').map((part) => part.trim());
        for (const child of options.expand)
          if (!def.children?.[child]) throw unknownProperty(child, def.type);
        break;
      case '$count':
        options.count = value === 'true';
        break;
      case '$skiptoken': {
        const token = decodeSkipToken(value);
        if (!token) throw badRequest('The skip token is not valid.');
        options.skipToken = token;
        break;
      }
      case '$deltatoken':
        options.deltaToken = value;
        break;
      default:
        break;
    }
  }
  return options;
}

export function applyOrder<T>(
  def: EntityDef,
  items: T[],
  orderBy: QueryOptions['orderBy'],
  recordOf: (item: T) => BcRecord,
): T[] {
  if (orderBy.length === 0) return items;
  const fields = orderBy.map((order) => ({ ...order, field: propertyOf(def, order.field) }));
  return [...items].sort((a, b) => {
    for (const { field, descending } of fields) {
      const left = comparable(field, recordOf(a)[field.name]);
      const right = comparable(field, recordOf(b)[field.name]);
      if (left === right) continue;
      if (left === null) return descending ? 1 : -1;
      if (right === null) return descending ? -1 : 1;
      return (left < right ? -1 : 1) * (descending ? -1 : 1);
    }
    return 0;
  });
}
