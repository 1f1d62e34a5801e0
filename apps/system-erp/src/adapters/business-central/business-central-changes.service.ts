import { Inject, Injectable } from '@nestjs/common';
import { AdapterError, type ChangeCursor, InvalidCursorError, isAfterCursor } from '@concord/contracts';
import { type ErpChangePage, type ErpCustomerChange } from '../../customers/erp-customers.port.js';
import { ERP_CONFIG, type ErpConfig } from '../../system-erp.config.js';
import { BusinessCentralClient } from './business-central.client.js';
import { BusinessCentralCompanies } from './business-central-companies.service.js';
import { externalIdOf, fromBcCustomer } from './business-central.mappers.js';
import { collectionUrl, companyPath, deltaTokenOf, readAll } from './business-central.odata.js';
import { type BcCustomer, type BcDeletedEntity, type CompanyContext } from './business-central.types.js';
import { decodeFeedState, encodeFeedState, type FeedSource, type FeedState } from './feed-state.util.js';

interface SourceRead {
  source: FeedSource;
  customers: BcCustomer[];
  deletedIds: string[];
  deltaToken: string | undefined;
}

interface Entry extends ErpCustomerChange {
  id: string;
}

const isDeleted = (entry: BcCustomer | BcDeletedEntity): entry is BcDeletedEntity =>
  String((entry as Partial<BcDeletedEntity>)['@odata.context'] ?? '').endsWith('$deletedEntity');

/**
 * Customer change feed on Business Central change tracking. Each page reads every company's delta link;
 * when a delta holds more than one page, the same delta is read again for the next pages ("draining")
 * while the links taken after it wait in the cursor, and everything those newer links report is left
 * to them, so a change is delivered once even when it happens between two page reads. Deletions carry
 * no modstamp: they get the time they were first observed, kept in the cursor while draining.
 */
@Injectable()
export class BusinessCentralChanges {
  constructor(
    private readonly client: BusinessCentralClient,
    private readonly companies: BusinessCentralCompanies,
    @Inject(ERP_CONFIG) private readonly config: ErpConfig,
  ) {}

  async changesSince(cursor: ChangeCursor | undefined, limit: number): Promise<ErpChangePage> {
    const state = cursor?.token === undefined ? undefined : decodeFeedState(cursor.token);
    if (cursor?.token !== undefined && !state) throw new InvalidCursorError();
    const companies = await this.companies.all();
    const draining = state?.next !== undefined;
    const observedAt = (draining ? state.observedAt : undefined) ?? new Date().toISOString();
    const fallback: FeedSource = { since: cursor ? this.overlapStart(cursor) : null };
    const reads = await Promise.all(
      companies.map((company) => this.read(company, state?.sources[company.id] ?? fallback, fallback)),
    );
    const newer = draining
      ? await Promise.all(
          companies.map(async (company) => {
            const token = state.next?.[company.id];
            return token ? this.read(company, { delta: token }, fallback) : undefined;
          }),
        )
      : [];
    const leftToNewer = new Set(
      newer.flatMap((read) => (read ? [...read.customers.map((c) => c.id), ...read.deletedIds] : [])),
    );
    const entries: Entry[] = [];
    for (const [index, read] of reads.entries()) {
      const company = companies[index];
      if (!company) continue;
      const terms = await this.companies.paymentTerms(company.id);
      // Scans overlap the cursor; while draining, the page boundary is the cursor itself.
      const bounded = draining || 'since' in read.source;
      for (const customer of read.customers) {
        if (leftToNewer.has(customer.id)) continue;
        const modstamp = customer.lastModifiedDateTime;
        if (bounded && !isAfterCursor(cursor, modstamp, customer.id)) continue;
        entries.push({
          id: customer.id,
          kind: 'upsert',
          externalId: externalIdOf(company.id, customer.id),
          sourceVersion: modstamp,
          record: fromBcCustomer(customer, company, terms),
        });
      }
      for (const id of read.deletedIds) {
        if (leftToNewer.has(id) || (bounded && !isAfterCursor(cursor, observedAt, id))) continue;
        entries.push({
          id,
          kind: 'delete',
          externalId: externalIdOf(company.id, id),
          sourceVersion: observedAt,
        });
      }
    }
    entries.sort(
      (a, b) =>
        Date.parse(a.sourceVersion) - Date.parse(b.sourceVersion) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    const page = entries.slice(0, limit);
    const last = page.at(-1);
    const position = last
      ? { modstamp: last.sourceVersion, id: last.id }
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
      changes: page.map(({ id: _id, ...change }) => change),
      cursor: { ...position, token: encodeFeedState(next) },
      hasMore: cut || leftToNewer.size > 0,
    };
  }

  private overlapStart(cursor: ChangeCursor): string {
    return new Date(Date.parse(cursor.modstamp) - this.config.changeOverlapMs).toISOString();
  }

  private tokensOf(companies: CompanyContext[], reads: SourceRead[]): Record<string, string> {
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
  private async read(company: CompanyContext, source: FeedSource, fallback: FeedSource): Promise<SourceRead> {
    const path = companyPath(company.id, 'customers');
    if ('delta' in source) {
      try {
        const result = await readAll<BcCustomer | BcDeletedEntity>(
          this.client,
          collectionUrl(path, { $deltatoken: source.delta }),
          'customers.delta',
        );
        return this.split(source, result.items, result.deltaLink);
      } catch (error) {
        if (!(error instanceof AdapterError) || error.vendor?.status !== 410) throw error;
        return this.read(company, fallback, fallback);
      }
    }
    const url = collectionUrl(path, {
      $filter: source.since ? `lastModifiedDateTime ge ${source.since}` : undefined,
      $orderby: 'lastModifiedDateTime,id',
    });
    const result = await readAll<BcCustomer>(this.client, url, 'customers.scan', {
      Prefer: 'odata.track-changes',
    });
    return this.split(source, result.items, result.deltaLink);
  }

  private split(
    source: FeedSource,
    items: Array<BcCustomer | BcDeletedEntity>,
    deltaLink: string | undefined,
  ): SourceRead {
    const customers: BcCustomer[] = [];
    const deletedIds: string[] = [];
    for (const item of items) {
      if (isDeleted(item)) deletedIds.push(item.id);
      else customers.push(item);
    }
    return { source, customers, deletedIds, deltaToken: deltaLink ? deltaTokenOf(deltaLink) : undefined };
  }
}
