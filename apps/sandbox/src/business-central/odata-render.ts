import { type EntityDef } from './bc-entity.types.js';
import { type Row } from './business-central.state.js';
import { type EntityService } from './entity.service.js';
import { etagFor } from './etag.util.js';
import { findEntity } from './entity.registry.js';

export interface Scope {
  base: string;
  company: string;
  def: EntityDef;
  parent?: { set: string; id: string };
}

export function collectionPath(scope: Scope): string {
  const parent = scope.parent ? `${scope.parent.set}(${scope.parent.id})/` : '';
  return `companies(${scope.company})/${parent}${scope.def.set}`;
}

export function contextUrl(scope: Scope, select: string[] | undefined, entity: boolean): string {
  const projection = select ? `(${select.join(',')})` : '';
  return `${scope.base}/$metadata#${collectionPath(scope)}${projection}${entity ? '/$entity' : ''}`;
}

/** One entity as JSON: its ETag annotation, then fields in definition order, then expanded lines. */
export function renderRow(
  service: EntityService,
  scope: Scope,
  row: Row,
  select?: string[],
  expand: string[] = [],
): Record<string, unknown> {
  const record = service.computed(scope.company, scope.def, row);
  const out: Record<string, unknown> = { '@odata.etag': etagFor(String(record.id), row.version) };
  for (const field of scope.def.fields) {
    if (!select || select.includes(field.name)) out[field.name] = record[field.name] ?? null;
  }
  for (const child of expand) {
    const childDef = findEntity(scope.def.children?.[child] ?? '');
    if (!childDef) continue;
    const childScope: Scope = {
      ...scope,
      def: childDef,
      parent: { set: scope.def.set, id: String(record.id) },
    };
    out[child] = service
      .rows(scope.company, childDef, String(record.id))
      .map((line) => renderRow(service, childScope, line));
  }
  return out;
}
