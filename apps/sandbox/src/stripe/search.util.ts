import { invalidRequest } from './stripe.errors.js';
import { type Params } from './stripe-params.util.js';
import { compileSearch, type SearchField } from './search-query.parser.js';
import { type Collection } from './stripe-object.types.js';

export interface SearchPage {
  object: 'search_result';
  url: string;
  has_more: boolean;
  next_page: string | null;
  data: unknown[];
  total_count?: number;
}

const encodePage = (offset: number): string => Buffer.from(`page:${offset}`).toString('base64url');

function decodePage(token: string): number {
  const match = /^page:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!match) throw invalidRequest(`Invalid page: ${token}`, 'page');
  return Number(match[1]);
}

/** Search pages use an opaque `page` token rather than object cursors. */
export function searchPage<T extends { id: string }>(
  collection: Collection<T>,
  params: Params,
  resource: string,
  fields: Record<string, SearchField<T>>,
  present: (item: T) => unknown,
): SearchPage {
  params.allowOnly(['query', 'limit', 'page']);
  const search = compileSearch(params.requiredString('query'), fields, resource);
  const candidates = search.probes ? collection.newestMatching(search.probes) : collection.newestFirst();
  const matches = candidates.filter(search.matches);
  const limit = params.int('limit', 1, 100) ?? 10;
  const page = params.string('page');
  const offset = page ? decodePage(page) : 0;
  const slice = matches.slice(offset, offset + limit);
  const hasMore = offset + limit < matches.length;
  const wantsTotal = (params.strings('expand') ?? []).includes('total_count');
  return {
    object: 'search_result',
    url: `/v1/${resource}/search`,
    has_more: hasMore,
    next_page: hasMore ? encodePage(offset + limit) : null,
    data: slice.map(present),
    ...(wantsTotal ? { total_count: matches.length } : {}),
  };
}

export const metadataField = <T extends { metadata: Record<string, string> }>(): SearchField<T> => ({
  kind: 'metadata',
  read: (item, key) => (key === undefined ? undefined : item.metadata[key]),
});
