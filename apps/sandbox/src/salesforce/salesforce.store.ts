import { formatDateTime } from './salesforce-date.util.js';
import { SalesforceIdFactory } from './salesforce-id.util.js';
import { type SfRecord, type SObjectContext } from './sobject.types.js';

type Tables = Map<string, Map<string, SfRecord>>;
/** type → field → lower-cased value → record IDs. */
type Indexes = Map<string, Map<string, Map<string, Set<string>>>>;

const indexKey = (value: unknown): string | undefined =>
  typeof value === 'string' ? value.toLowerCase() : undefined;

/** In-memory org data. Deleted rows stay (IsDeleted = true) like the recycle bin, for queryAll. */
export class SalesforceStore {
  private tables: Tables = new Map();
  private indexes: Indexes = new Map();
  readonly ids = new SalesforceIdFactory();

  /**
   * Records whose `field` equals `value` case-insensitively (deleted ones included), through an index
   * built on first use and kept by every write: external-ID upserts and unique checks stay O(1) as the
   * org grows instead of scanning the table.
   */
  lookup(type: string, field: string, value: string): SfRecord[] {
    const ids = this.index(type, field).get(value.toLowerCase());
    const records: SfRecord[] = [];
    for (const id of ids ?? []) {
      const record = this.get(type, id);
      if (record) records.push(record);
    }
    return records;
  }

  private index(type: string, field: string): Map<string, Set<string>> {
    let byField = this.indexes.get(type);
    if (!byField) {
      byField = new Map();
      this.indexes.set(type, byField);
    }
    let index = byField.get(field);
    if (!index) {
      index = new Map();
      for (const record of this.tables.get(type)?.values() ?? [])
        this.indexAdd(index, record[field], String(record.Id));
      byField.set(field, index);
    }
    return index;
  }

  private indexAdd(index: Map<string, Set<string>>, value: unknown, id: string): void {
    const key = indexKey(value);
    if (key === undefined) return;
    let ids = index.get(key);
    if (!ids) {
      ids = new Set();
      index.set(key, ids);
    }
    ids.add(id);
  }

  get(type: string, id: string): SfRecord | undefined {
    return this.tables.get(type)?.get(id);
  }

  rows(type: string, includeDeleted = false): SfRecord[] {
    const rows = [...(this.tables.get(type)?.values() ?? [])];
    return includeDeleted ? rows : rows.filter((row) => row.IsDeleted !== true);
  }

  put(type: string, record: SfRecord): void {
    let table = this.tables.get(type);
    if (!table) {
      table = new Map();
      this.tables.set(type, table);
    }
    const id = String(record.Id);
    const previous = table.get(id);
    for (const [field, index] of this.indexes.get(type) ?? []) {
      const before = indexKey(previous?.[field]);
      if (before !== undefined && before !== indexKey(record[field])) index.get(before)?.delete(id);
      this.indexAdd(index, record[field], id);
    }
    table.set(id, record);
  }

  snapshot(): Tables {
    return new Map(
      [...this.tables].map(([type, table]) => [type, new Map([...table].map(([id, r]) => [id, { ...r }]))]),
    );
  }

  restore(snapshot: Tables): void {
    this.tables = snapshot;
    this.indexes = new Map();
  }

  clear(): void {
    this.tables = new Map();
    this.indexes = new Map();
  }

  context(now: Date): SObjectContext {
    return {
      now: formatDateTime(now),
      find: (type, id) => {
        const record = this.get(type, id);
        return record && record.IsDeleted !== true ? record : undefined;
      },
      all: (type) => this.rows(type),
    };
  }
}
