/** The external systems Concord keeps in agreement; also the keys of `externalRefs` and `xref.system`. */
export const EXTERNAL_SYSTEMS = ['crm', 'erp', 'billing'] as const;
export type ExternalSystem = (typeof EXTERNAL_SYSTEMS)[number];

/** Where an event or a change came from: one of the external systems, or Concord itself. */
export const SOURCE_SYSTEMS = [...EXTERNAL_SYSTEMS, 'concord'] as const;
export type SourceSystem = (typeof SOURCE_SYSTEMS)[number];

export function isExternalSystem(value: unknown): value is ExternalSystem {
  return typeof value === 'string' && (EXTERNAL_SYSTEMS as readonly string[]).includes(value);
}
