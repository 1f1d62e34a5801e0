import { type Probe } from '../shared/indexed.store.js';
import { type BcField, type EntityDef } from './bc-entity.types.js';
import { type Row } from './business-central.state.js';
import { findField } from './entity.registry.js';
import { type FilterExpr, type FilterLiteral } from './odata-filter.parser.js';
import { comparable, literalValue } from './odata-value.util.js';

function storedValueIsCurrent(def: EntityDef, field: BcField): boolean {
  if (!def.compute) return true;
  return def.computedFields !== undefined && !def.computedFields.includes(field.name);
}

function equalityProbe(def: EntityDef, name: string, literal: FilterLiteral): Probe<Row>[] | undefined {
  const field = findField(def, name);
  if (!field || !storedValueIsCurrent(def, field)) return undefined;
  return [
    {
      index: field.name,
      keyOf: (row) => comparable(field, row.data[field.name]),
      key: literalValue(literal),
    },
  ];
}

/**
 * Index lookups that together find every row the filter can match, or undefined when only a scan can:
 * an `eq` on a stored field, either side of an `and`, both sides of an `or`.
 */
export function filterProbes(def: EntityDef, expr: FilterExpr): Probe<Row>[] | undefined {
  switch (expr.kind) {
    case 'compare':
      return expr.op === 'eq' ? equalityProbe(def, expr.field, expr.value) : undefined;
    case 'and': {
      const left = filterProbes(def, expr.left);
      const right = filterProbes(def, expr.right);
      if (!left || !right) return left ?? right;
      return right.length < left.length ? right : left;
    }
    case 'or': {
      const left = filterProbes(def, expr.left);
      const right = filterProbes(def, expr.right);
      return left && right ? [...left, ...right] : undefined;
    }
    case 'not':
    case 'function':
      return undefined;
  }
}
