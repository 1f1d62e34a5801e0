import { externalIdOf } from './business-central.mappers.js';
import { type FeedSpec, type Tracked } from './business-central-delta-feed.service.js';
import { type CompanyContext } from './business-central.types.js';

/** A change of a sales document: the record for an upsert, the ID alone for a deletion. */
export interface SalesDocumentChange<R> {
  kind: 'upsert' | 'delete';
  externalId: string;
  sourceVersion: string;
  record?: R;
}

/** The delta-feed spec of a sales document set, read with its lines in every company. */
export function salesFeedSpec<T extends Tracked, R extends { externalId: string; sourceVersion: string }>(
  set: string,
  expand: string,
  companies: CompanyContext[],
  toRecord: (entity: T, company: CompanyContext) => R,
): FeedSpec<T, SalesDocumentChange<R>> {
  return {
    set,
    expand,
    companies,
    changed: (company, entity) => {
      const record = toRecord(entity, company);
      return { kind: 'upsert', externalId: record.externalId, sourceVersion: record.sourceVersion, record };
    },
    deleted: (company, id, observedAt) => ({
      kind: 'delete',
      externalId: externalIdOf(company.id, id),
      sourceVersion: observedAt,
    }),
  };
}
