import { type Probe } from '../shared/indexed.store.js';
import { type BcRecord, type EntityDef, type WriteContext } from './bc-entity.types.js';
import { BcError, notFoundSegment } from './business-central.errors.js';
import { type BusinessCentralSandbox, type Row } from './business-central.state.js';
import { checkIfMatch } from './etag.util.js';
import { ENTITY_DEFS, findEntity } from './entity.registry.js';
import { parseBody } from './value.validator.js';

function refuseReadOnly(def: EntityDef, method: string): void {
  if (def.readOnly) {
    throw new BcError(
      405,
      'BadRequest_MethodNotAllowed',
      `'${method}' requests for '${def.set}' of EdmType 'Entity' are not allowed within Dynamics 365 Business Central OData web services.`,
    );
  }
}

/** Writes with Business Central's validation, ETags and change tracking; shared by routes and $batch. */
export class EntityService {
  constructor(private readonly state: BusinessCentralSandbox) {}

  context(company: string): WriteContext {
    return {
      companyId: company,
      now: new Date().toISOString(),
      find: (set, id) => this.state.table(company, set).get(id)?.data,
      all: (set) => [...this.state.table(company, set).values()].map((row) => row.data),
    };
  }

  /** The set's rows in table order; with probes, only the rows those index lookups find. */
  rows(company: string, def: EntityDef, parentId?: string, probes?: readonly Probe<Row>[]): Row[] {
    const table = this.state.table(company, def.set);
    const rows = probes ? table.matching(probes) : [...table.values()];
    return parentId && def.parent ? rows.filter((row) => row.data[def.parent?.key ?? ''] === parentId) : rows;
  }

  get(company: string, def: EntityDef, id: string, parentId?: string): Row {
    const row = this.state.table(company, def.set).get(id.toLowerCase());
    if (!row || (parentId && def.parent && row.data[def.parent.key] !== parentId))
      throw notFoundSegment(def.set);
    return row;
  }

  /** Read-time fields such as a customer's balance. */
  computed(company: string, def: EntityDef, row: Row): BcRecord {
    if (!def.compute) return row.data;
    const record = { ...row.data };
    def.compute(record, this.context(company));
    return record;
  }

  create(company: string, def: EntityDef, body: unknown, parentId?: string): Row {
    refuseReadOnly(def, 'POST');
    const values = parseBody(def, body);
    const ctx = this.context(company);
    const record: BcRecord = {};
    for (const field of def.fields)
      record[field.name] = values.has(field.name)
        ? (values.get(field.name) ?? null)
        : (field.defaultValue ?? null);
    record.id = this.state.newId();
    if (def.parent && parentId) {
      const given = values.get(def.parent.key);
      if (given !== undefined && given !== parentId)
        throw new BcError(400, 'BadRequest', `The ${def.parent.key} in the body does not match the URL.`);
      record[def.parent.key] = parentId;
    }
    if (def.numberSeries && record.number === '') {
      const series = def.numberSeries;
      record.number = `${series.prefix}${String(this.state.nextNumber(company, def.set, series.start, series.step)).padStart(series.digits, '0')}`;
    }
    this.checkUnique(company, def, record);
    def.prepare?.(record, ctx, undefined);
    record.lastModifiedDateTime = ctx.now;
    const row: Row = { data: record, version: 1, seq: this.state.nextSeq() };
    this.state.table(company, def.set).set(String(record.id), row);
    this.touchParent(company, def, record);
    return row;
  }

  update(company: string, def: EntityDef, row: Row, body: unknown, ifMatch: string | undefined): Row {
    refuseReadOnly(def, 'PATCH');
    checkIfMatch(ifMatch, String(row.data.id), row.version, true);
    const values = parseBody(def, body, String(row.data.id));
    const ctx = this.context(company);
    const record: BcRecord = { ...row.data, ...Object.fromEntries(values) };
    this.checkUnique(company, def, record);
    def.prepare?.(record, ctx, row.data);
    record.lastModifiedDateTime = ctx.now;
    const updated: Row = { data: record, version: row.version + 1, seq: this.state.nextSeq() };
    this.state.table(company, def.set).set(String(record.id), updated);
    this.touchParent(company, def, record);
    return updated;
  }

  remove(company: string, def: EntityDef, row: Row, ifMatch: string | undefined): void {
    refuseReadOnly(def, 'DELETE');
    checkIfMatch(ifMatch, String(row.data.id), row.version, false);
    def.beforeDelete?.(row.data, this.context(company));
    for (const childSet of Object.values(def.children ?? {})) {
      const childDef = findEntity(childSet);
      if (!childDef) continue;
      for (const child of this.rows(company, childDef, String(row.data.id)))
        this.drop(company, childDef, child);
    }
    this.drop(company, def, row);
    this.touchParent(company, def, row.data);
  }

  /** Replaces a row after an action (posting), with a new version and change sequence. */
  replace(company: string, def: EntityDef, record: BcRecord): Row {
    const current = this.state.table(company, def.set).get(String(record.id));
    const row: Row = {
      data: { ...record, lastModifiedDateTime: new Date().toISOString() },
      version: (current?.version ?? 0) + 1,
      seq: this.state.nextSeq(),
    };
    this.state.table(company, def.set).set(String(record.id), row);
    return row;
  }

  private drop(company: string, def: EntityDef, row: Row): void {
    this.state.table(company, def.set).delete(String(row.data.id));
    const parent = def.parent ? (row.data[def.parent.key] ?? null) : null;
    this.state.addTombstone({
      company,
      set: def.set,
      parent,
      id: String(row.data.id),
      seq: this.state.nextSeq(),
    });
  }

  private checkUnique(company: string, def: EntityDef, record: BcRecord): void {
    for (const name of def.uniqueFields ?? []) {
      const value = record[name];
      const clash = this.rows(company, def).find(
        (row) => row.data.id !== record.id && row.data[name] === value,
      );
      if (clash) {
        throw new BcError(
          400,
          'Internal_EntityWithSameKeyExists',
          `The record already exists. Identification fields and values: No.='${String(value)}'`,
        );
      }
    }
  }

  /** A line write recalculates its document's totals; the document gets a new ETag, as in Business Central. */
  private touchParent(company: string, def: EntityDef, record: BcRecord): void {
    if (def.parent?.touchesParent === false) return;
    const parentDef = def.parent
      ? ENTITY_DEFS.find((candidate) => candidate.set === def.parent?.set)
      : undefined;
    const parentId = def.parent ? String(record[def.parent.key]) : undefined;
    const parentRow =
      parentDef && parentId ? this.state.table(company, parentDef.set).get(parentId) : undefined;
    if (!parentDef || !parentRow || parentDef.readOnly) return;
    const updated = { ...parentRow.data };
    parentDef.prepare?.(updated, this.context(company), parentRow.data);
    this.replace(company, parentDef, updated);
  }
}
