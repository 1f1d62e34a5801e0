import { type SfField, type SfRecord, type SObjectDef } from './sobject.types.js';

export function recordUrl(version: string, type: string, id: string): string {
  return `/services/data/v${version}/sobjects/${type}/${id}`;
}

/** A record as the REST API answers it: `attributes` first, then the fields in definition order. */
export function toApiRecord(
  def: SObjectDef,
  record: SfRecord,
  version: string,
  fields: readonly SfField[] = def.fields,
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    attributes: { type: def.name, url: recordUrl(version, def.name, String(record.Id)) },
  };
  for (const field of fields) out[field.name] = record[field.name] ?? null;
  return out;
}
