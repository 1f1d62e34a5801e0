import { Inject, Injectable } from '@nestjs/common';
import {
  type ChangeCursor,
  type CustomerChangeDto,
  type CustomerChangePageDto,
  encodeCursor,
  isAfterCursor,
} from '@concord/contracts';
import { BILLING_CONFIG, type BillingConfig } from '../../system-billing.config.js';
import { StripeClient } from './stripe.client.js';
import { toCustomerChange } from './stripe-event.mappers.js';
import { isoFromSeconds } from './stripe.mappers.js';
import { type StripeEventWire } from './stripe.types.js';

const PAGE_SIZE = 100;
const FEED_START: ChangeCursor = { modstamp: new Date(0).toISOString(), id: '' };

/**
 * The customer change feed, read from Stripe's Events API (customers have no modstamp). Events come
 * newest first, so the feed reads everything from `cursor - overlap` and orders it by (created, id).
 * Only events of seconds that have ended are delivered: an event committed later in the same second
 * could otherwise sort before the cursor and be skipped.
 */
@Injectable()
export class StripeCustomerFeed {
  constructor(
    private readonly stripe: StripeClient,
    @Inject(BILLING_CONFIG) private readonly config: BillingConfig,
  ) {}

  async changesSince(cursor: ChangeCursor | undefined, limit: number): Promise<CustomerChangePageDto> {
    const lastClosedSecond = Math.floor(Date.now() / 1000) - 1;
    const since = cursor
      ? Math.floor(Date.parse(cursor.modstamp) / 1000) - this.config.feedOverlapSeconds
      : undefined;
    const events = (await this.readEvents(since, lastClosedSecond))
      .filter((event) => isAfterCursor(cursor, isoFromSeconds(event.created), event.id))
      .sort((a, b) => a.created - b.created || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const page = events.slice(0, limit);
    const last = page.at(-1);
    const next = last ? { modstamp: isoFromSeconds(last.created), id: last.id } : (cursor ?? FEED_START);
    return {
      changes: page.map(toCustomerChange).filter((change): change is CustomerChangeDto => !!change),
      nextCursor: encodeCursor(next),
      hasMore: events.length > limit,
    };
  }

  private async readEvents(since: number | undefined, until: number): Promise<StripeEventWire[]> {
    const events: StripeEventWire[] = [];
    let startingAfter: string | undefined;
    for (;;) {
      const list = await this.stripe.call('events.list', (sdk) =>
        sdk.events.list({
          type: 'customer.*',
          created: { lte: until, ...(since !== undefined ? { gte: Math.max(0, since) } : {}) },
          limit: PAGE_SIZE,
          ...(startingAfter ? { starting_after: startingAfter } : {}),
        }),
      );
      events.push(...(list.data as unknown as StripeEventWire[]));
      const last = list.data.at(-1);
      if (!list.has_more || !last) return events;
      startingAfter = last.id;
    }
  }
}
