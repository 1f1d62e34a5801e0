import { Inject, Injectable } from '@nestjs/common';
import { AdapterError, type ChangeCursor, InvalidCursorError, isAfterCursor } from '@concord/contracts';
import { ERP_CONFIG, type ErpConfig } from '../../system-erp.config.js';
import { BusinessCentralClient } from './business-central.client.js';
import { collectionUrl, companyPath, deltaTokenOf, readAll } from './business-central.odata.js';
import { type BcDeletedEntity, type CompanyContext } from './business-central.types.js';
import { decodeFeedState, encodeFeedState, type FeedSource, type FeedState } from './feed-state.util.js';

/** An entity set under change tracking: every entity has an ID and a modstamp. */
export interface Tracked {
  id: string;
  lastModifiedDateTime: string;
}

/** Which entity set the feed reads, in which companies, and how entities become changes. */
export interface FeedSpec<T extends Tracked, C extends { sourceVersion: string }> {
  set: string;
  /** Navigation property read with each entity (`salesOrderLines`). */
  expand?: string;
  companies: CompanyContext[];
  changed(company: CompanyContext, entity: T): C | Promise<C>;
  deleted(company: CompanyContext, id: string, observedAt: string): C;
}

export interface FeedPage<C> {
  changes: C[];
  cursor: ChangeCursor;
  hasMore: boolean;
}

interface SourceRead<T> {
  source: FeedSource;
  entities: T[];
  deletedIds: string[];
  deltaToken: string | undefined;
}

const isDeleted = (entry: Tracked | BcDeletedEntity): entry is BcDeletedEntity =>
  String((entry as Partial<BcDeletedEntity>)['@odata.context'] ?? '').endsWith('$deletedEntity');

/**
 * Change feed on Business Central change tracking, for any entity set. Each page reads every company's
 * delta link; when a delta holds more than one page, the same delta is read again for the next pages
 * ("draining") while the links taken after it wait in the cursor, and everything those newer links
 * report is left to them, so a change is delivered once even when it happens between two page reads.
 * Deletions carry no modstamp: they get the time they were first observed, kept in the cursor while
 * draining.
 */
@Injectable()
export class BusinessCentralDeltaFeed {
  constructor(
    private readonly client: BusinessCentralClient,
    @Inject(ERP_CONFIG) private readonly config: ErpConfig,
  ) {}

  async page<T extends Tracked, C extends { sourceVersion: string }>(
    spec: FeedSpec<T, C>,
    cursor: ChangeCursor | undefined,
    limit: number,
  ): Promise<FeedPage<C>> {
    const state = cursor?.token === undefined ? undefined : decodeFeedState(cursor.token);
    if (cursor?.token !== undefined && !state) throw new InvalidCursorError();
    const { companies } = spec;
    const draining = state?.next !== undefined;
    const observedAt = (draining ? state.observedAt : undefined) ?? new Date().toISOString();
    const fallback: FeedSource = { since: cursor ? this.overlapStart(cursor) : null };
    const reads = await Promise.all(
      companies.map((company) =>
        this.read<T>(spec, company, state?.sources[company.id] ?? fallback, fallback),
      ),
    );
    const newer = draining
      ? await Promise.all(
          companies.map(async (company) => {
            const token = state.next?.[company.id];
            return token ? this.read<T>(spec, company, { delta: token }, fallback) : undefined;
          }),
        )
      : [];
    const leftToNewer = new Set(
      newer.flatMap((read) => (read ? [...read.entities.map((e) => e.id), ...read.deletedIds] : [])),
    );
    const entries: Array<{ id: string; change: C }> = [];
    for (const [index, read] of reads.entries()) {
      const company = companies[index];
      if (!company) continue;
      // Scans overlap the cursor; while draining, the page boundary is the cursor itself.
      const bounded = draining || 'since' in read.source;
      for (const entity of read.entities) {
        if (leftToNewer.has(entity.id)) continue;
        if (bounded && !isAfterCursor(cursor, entity.lastModifiedDateTime, entity.id)) continue;
        entries.push({ id: entity.id, change: await spec.changed(company, entity) });
      }
      for (const id of read.deletedIds) {
        if (leftToNewer.has(id) || (bounded && !isAfterCursor(cursor, observedAt, id))) continue;
        entries.push({ id, change: spec.deleted(company, id, observedAt) });
      }
    }
    entries.sort(
      (a, b) =>
        Date.parse(a.change.sourceVersion) - Date.parse(b.change.sourceVersion) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    const page = entries.slice(0, limit);
    const last = page.at(-1);
    const position = last
      ? { modstamp: last.change.sourceVersion, id: last.id }
      : { modstamp: cursor?.modstamp ?? observedAt, id: cursor?.id ?? '' };
    const cut = entries.length > limit;
    const sources = Object.fromEntries(reads.map((read, index) => [companies[index]?.id ?? '', read.source]));
    let next: FeedState;
    if (cut) {
      next = draining
        ? { sources, next: state.next ?? {}, observedAt }
        : { sources, next: this.tokensOf(companies, reads), observedAt };
    } else {
      next = {
        sources: draining
          ? this.asSources(state.next ?? {})
          : this.asSources(this.tokensOf(companies, reads)),
      };
    }
    return {
      changes: page.map((entry) => entry.change),
      cursor: { ...position, token: encodeFeedState(next) },
      hasMore: cut || leftToNewer.size > 0,
    };
  }

  private overlapStart(cursor: ChangeCursor): string {
    return new Date(Date.parse(cursor.modstamp) - this.config.changeOverlapMs).toISOString();
  }

  private tokensOf<T>(companies: CompanyContext[], reads: Array<SourceRead<T>>): Record<string, string> {
    const tokens: Record<string, string> = {};
    for (const [index, read] of reads.entries()) {
      const company = companies[index];
      if (company && read.deltaToken) tokens[company.id] = read.deltaToken;
    }
    return tokens;
  }

  private asSources(tokens: Record<string, string>): Record<string, FeedSource> {
    return Object.fromEntries(Object.entries(tokens).map(([id, delta]) => [id, { delta }]));
  }

  /** Follows a delta link, or scans with change tracking on; an expired link falls back to a scan. */
  private async read<T extends Tracked>(
    spec: { set: string; expand?: string },
    company: CompanyContext,
    source: FeedSource,
    fallback: FeedSource,
  ): Promise<SourceRead<T>> {
    const { set, expand: $expand } = spec;
    const path = companyPath(company.id, set);
    if ('delta' in source) {
      try {
        const result = await readAll<T | BcDeletedEntity>(
          this.client,
          collectionUrl(path, { $deltatoken: source.delta, $expand }),
          `${set}.delta`,
        );
        return this.split(source, result.items, result.deltaLink);
      } catch (error) {
        if (!(error instanceof AdapterError) || error.vendor?.status !== 410) throw error;
        return this.read<T>(spec, company, fallback, fallback);
      }
    }
    const url = collectionUrl(path, {
      $filter: source.since ? `lastModifiedDateTime ge ${source.since}` : undefined,
      $orderby: 'lastModifiedDateTime,id',
      $expand,
    });
    const result = await readAll<T>(this.client, url, `${set}.scan`, { Prefer: 'odata.track-changes' });
    return this.split(source, result.items, result.deltaLink);
  }

  private split<T extends Tracked>(
    source: FeedSource,
    items: Array<T | BcDeletedEntity>,
    deltaLink: string | undefined,
  ): SourceRead<T> {
    const entities: T[] = [];
    const deletedIds: string[] = [];
    for (const item of items) {
      if (isDeleted(item)) deletedIds.push(item.id);
      else entities.push(item);
    }
    return { source, entities, deletedIds, deltaToken: deltaLink ? deltaTokenOf(deltaLink) : undefined };
  }
}
