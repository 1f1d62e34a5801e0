import { formatDateTime } from './salesforce-date.util.js';
import { SalesforceIdFactory } from './salesforce-id.util.js';
import { type SfRecord, type SObjectContext } from './sobject.types.js';

type Tables = Map<string, Map<string, SfRecord>>;

/** In-memory org data. Deleted rows stay (IsDeleted = true) like the recycle bin, for queryAll. */
export class SalesforceStore {
  private tables: Tables = new Map();
  readonly ids = new SalesforceIdFactory();

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
    table.set(String(record.Id), record);
  }

  snapshot(): Tables {
    return new Map(
      [...this.tables].map(([type, table]) => [type, new Map([...table].map(([id, r]) => [id, { ...r }]))]),
    );
  }

  restore(snapshot: Tables): void {
    this.tables = snapshot;
  }

  clear(): void {
    this.tables = new Map();
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
