import { invalidRequest, missingReference } from './stripe.errors.js';
import { type Params } from './stripe-params.util.js';
import { type StripeObject } from './stripe-object.types.js';

export const LIST_PARAMS = ['limit', 'starting_after', 'ending_before', 'created'] as const;

export interface ListPage {
  object: 'list';
  url: string;
  has_more: boolean;
  data: unknown[];
}

/** `created` filters: an exact timestamp or a hash of gt/gte/lt/lte. */
function matchesCreated(params: Params): (item: StripeObject) => boolean {
  const exact = typeof params.raw.created === 'string' ? params.int('created') : undefined;
  const range =
    exact === undefined ? params.object('created')?.allowOnly(['gt', 'gte', 'lt', 'lte']) : undefined;
  const bounds = {
    gt: range?.int('gt'),
    gte: range?.int('gte'),
    lt: range?.int('lt'),
    lte: range?.int('lte'),
  };
  return (item) =>
    (exact === undefined || item.created === exact) &&
    (bounds.gt === undefined || item.created > bounds.gt) &&
    (bounds.gte === undefined || item.created >= bounds.gte) &&
    (bounds.lt === undefined || item.created < bounds.lt) &&
    (bounds.lte === undefined || item.created <= bounds.lte);
}

/** Cursor pagination over newest-first items, as Stripe lists do. */
export function paginate<T extends StripeObject>(
  items: T[],
  params: Params,
  url: string,
  kind: string,
  present: (item: T) => unknown,
): ListPage {
  const limit = params.int('limit', 1, 100) ?? 10;
  const startingAfter = params.string('starting_after');
  const endingBefore = params.string('ending_before');
  if (startingAfter && endingBefore) {
    throw invalidRequest(
      'You may only specify one of these parameters: ending_before, starting_after.',
      'ending_before',
    );
  }
  const filtered = items.filter(matchesCreated(params));
  let page: T[];
  let hasMore: boolean;
  if (startingAfter || endingBefore) {
    const cursor = (startingAfter ?? endingBefore) as string;
    const index = filtered.findIndex((item) => item.id === cursor);
    if (index < 0) throw missingReference(kind, cursor, startingAfter ? 'starting_after' : 'ending_before');
    const rest = startingAfter ? filtered.slice(index + 1) : filtered.slice(0, index);
    page = startingAfter ? rest.slice(0, limit) : rest.slice(-limit);
    hasMore = rest.length > limit;
  } else {
    page = filtered.slice(0, limit);
    hasMore = filtered.length > limit;
  }
  return { object: 'list', url, has_more: hasMore, data: page.map(present) };
}
