import { type FastifyInstance } from 'fastify';
import { LIST_PARAMS, paginate } from './list.util.js';
import { claimLookupKey, createPrice } from './price.factory.js';
import { listRenderer, paramsOf, requestMeta, respond } from './route.helpers.js';
import { metadataField, searchPage } from './search.util.js';
import { type SearchField } from './search-query.parser.js';
import { invalidRequest, resourceMissing } from './stripe.errors.js';
import { type StripeSandbox } from './stripe.state.js';
import { applyMetadata } from './stripe-params.util.js';
import { type Price } from './stripe-object.types.js';
import { emitEvent } from './events.service.js';
import { previousAttributes } from './object-diff.util.js';

type IdParams = { Params: { id: string } };

const CREATE_PARAMS = [
  'currency',
  'product',
  'product_data',
  'unit_amount',
  'unit_amount_decimal',
  'recurring',
  'active',
  'metadata',
  'nickname',
  'lookup_key',
  'transfer_lookup_key',
  'tax_behavior',
  'billing_scheme',
];
// Prices are immutable: amount, currency and recurrence never change; a new price replaces an old one.
const UPDATE_PARAMS = ['active', 'metadata', 'nickname', 'lookup_key', 'transfer_lookup_key', 'tax_behavior'];

const SEARCH_FIELDS: Record<string, SearchField<Price>> = {
  active: { kind: 'boolean', read: (p) => p.active },
  currency: { kind: 'string', read: (p) => p.currency },
  lookup_key: { kind: 'string', read: (p) => p.lookup_key },
  product: { kind: 'string', read: (p) => p.product },
  type: { kind: 'string', read: (p) => p.type },
  created: { kind: 'number', read: (p) => p.created },
  metadata: metadataField<Price>(),
};

export function registerPriceRoutes(app: FastifyInstance, sandbox: StripeSandbox): void {
  const find = (id: string): Price => {
    const price = sandbox.prices.get(id);
    if (!price) throw resourceMissing('price', id);
    return price;
  };

  app.post('/v1/prices', (request) => {
    const params = paramsOf(request).allowOnly(CREATE_PARAMS);
    if (params.oneOf('billing_scheme', ['per_unit', 'tiered'] as const) === 'tiered') {
      throw invalidRequest(
        'Tiered prices are not supported by this sandbox; use billing_scheme=per_unit.',
        'billing_scheme',
      );
    }
    return respond(sandbox, request, createPrice(sandbox, params, undefined, requestMeta(request)));
  });

  app.get('/v1/prices', (request) => {
    const params = paramsOf(request).allowOnly([
      ...LIST_PARAMS,
      'active',
      'currency',
      'product',
      'type',
      'lookup_keys',
      'recurring',
    ]);
    const active = params.bool('active');
    const currency = params.string('currency');
    const product = params.string('product');
    const type = params.oneOf('type', ['one_time', 'recurring'] as const);
    const lookupKeys = params.strings('lookup_keys');
    const interval = params.object('recurring')?.allowOnly(['interval', 'usage_type']).string('interval');
    const items = sandbox.prices
      .newestFirst()
      .filter(
        (p) =>
          (active === undefined || p.active === active) &&
          (!currency || p.currency === currency.toLowerCase()) &&
          (!product || p.product === product) &&
          (!type || p.type === type) &&
          (!lookupKeys || (p.lookup_key !== null && lookupKeys.includes(p.lookup_key))) &&
          (!interval || p.recurring?.interval === interval),
      );
    return paginate(items, params, '/v1/prices', 'price', listRenderer(sandbox, params));
  });

  app.get('/v1/prices/search', (request) => {
    const params = paramsOf(request);
    return searchPage(sandbox.prices, params, 'prices', SEARCH_FIELDS, listRenderer(sandbox, params));
  });

  app.get<IdParams>('/v1/prices/:id', (request) => respond(sandbox, request, find(request.params.id)));

  app.post<IdParams>('/v1/prices/:id', (request) => {
    const before = find(request.params.id);
    const params = paramsOf(request).allowOnly(UPDATE_PARAMS);
    const after = structuredClone(before);
    const active = params.bool('active');
    if (active !== undefined) after.active = active;
    const nickname = params.string('nickname');
    if (nickname !== undefined) after.nickname = nickname;
    const taxBehavior = params.oneOf('tax_behavior', ['inclusive', 'exclusive', 'unspecified'] as const);
    if (taxBehavior !== undefined) {
      if (before.tax_behavior !== 'unspecified' && taxBehavior !== before.tax_behavior) {
        throw invalidRequest(
          'tax_behavior cannot be changed once it is set to inclusive or exclusive.',
          'tax_behavior',
        );
      }
      after.tax_behavior = taxBehavior;
    }
    after.metadata = applyMetadata(after.metadata, params.metadata());
    claimLookupKey(
      sandbox,
      after,
      params.string('lookup_key', 200),
      params.bool('transfer_lookup_key') === true,
    );
    sandbox.prices.set(after);
    const previous = previousAttributes(before, after);
    if (Object.keys(previous).length > 0)
      emitEvent(sandbox, 'price.updated', after, requestMeta(request), previous);
    return respond(sandbox, request, after);
  });
}
