import { type FastifyInstance } from 'fastify';
import { LIST_PARAMS, paginate } from './list.util.js';
import { createPrice } from './price.factory.js';
import { deleted, listRenderer, paramsOf, requestMeta, respond } from './route.helpers.js';
import { metadataField, searchPage } from './search.util.js';
import { type SearchField } from './search-query.parser.js';
import { invalidRequest, resourceMissing } from './stripe.errors.js';
import { type StripeSandbox } from './stripe.state.js';
import { applyMetadata, type Params } from './stripe-params.util.js';
import { type Product } from './stripe-object.types.js';
import { emitEvent } from './events.service.js';
import { previousAttributes } from './object-diff.util.js';

type IdParams = { Params: { id: string } };

const EDITABLE = [
  'name',
  'active',
  'description',
  'metadata',
  'images',
  'shippable',
  'statement_descriptor',
  'tax_code',
  'unit_label',
  'url',
] as const;

const SEARCH_FIELDS: Record<string, SearchField<Product>> = {
  name: { kind: 'string', read: (p) => p.name },
  active: { kind: 'boolean', read: (p) => p.active },
  description: { kind: 'string', read: (p) => p.description as string | null },
  created: { kind: 'number', read: (p) => p.created },
  metadata: metadataField<Product>(),
};

function applyProductParams(product: Product, params: Params): Product {
  const next = structuredClone(product);
  const name = params.has('name') ? params.requiredString('name') : undefined;
  if (name !== undefined) next.name = name;
  const active = params.bool('active');
  if (active !== undefined) next.active = active;
  for (const key of ['description', 'statement_descriptor', 'tax_code', 'unit_label', 'url'] as const) {
    const value = params.string(key, key === 'statement_descriptor' ? 22 : 40000);
    if (value !== undefined) next[key] = value;
  }
  const shippable = params.bool('shippable');
  if (shippable !== undefined) next.shippable = shippable;
  const images = params.strings('images');
  if (images) next.images = images;
  next.metadata = applyMetadata(next.metadata, params.metadata());
  return next;
}

export function registerProductRoutes(app: FastifyInstance, sandbox: StripeSandbox): void {
  const find = (id: string): Product => {
    const product = sandbox.products.get(id);
    if (!product) throw resourceMissing('product', id);
    return product;
  };

  app.post('/v1/products', (request) => {
    const params = paramsOf(request).allowOnly([...EDITABLE, 'id', 'default_price_data', 'type']);
    params.requiredString('name');
    const id = params.string('id') ?? sandbox.newId('prod', 14);
    if (sandbox.products.get(id))
      throw invalidRequest(`Product already exists.`, 'id', 'resource_already_exists');
    const now = sandbox.now();
    const base: Product = {
      id,
      object: 'product',
      active: true,
      created: now,
      default_price: null,
      description: null,
      images: [],
      livemode: false,
      marketing_features: [],
      metadata: {},
      name: '',
      package_dimensions: null,
      shippable: null,
      statement_descriptor: null,
      tax_code: null,
      type: params.oneOf('type', ['good', 'service'] as const) ?? 'service',
      unit_label: null,
      updated: now,
      url: null,
    };
    const product = applyProductParams(base, params);
    const priceData = params.object('default_price_data');
    sandbox.products.set(product);
    const meta = requestMeta(request);
    emitEvent(sandbox, 'product.created', product, meta);
    if (priceData) {
      priceData.allowOnly(['currency', 'unit_amount', 'unit_amount_decimal', 'recurring', 'tax_behavior']);
      const price = createPrice(sandbox, priceData, product.id, meta);
      product.default_price = price.id;
    }
    return respond(sandbox, request, product);
  });

  app.get('/v1/products', (request) => {
    const params = paramsOf(request).allowOnly([...LIST_PARAMS, 'active', 'ids', 'shippable', 'url']);
    const active = params.bool('active');
    const ids = params.strings('ids');
    const items = sandbox.products
      .newestFirst()
      .filter((p) => (active === undefined || p.active === active) && (!ids || ids.includes(p.id)));
    return paginate(items, params, '/v1/products', 'product', listRenderer(sandbox, params));
  });

  app.get('/v1/products/search', (request) => {
    const params = paramsOf(request);
    return searchPage(sandbox.products, params, 'products', SEARCH_FIELDS, listRenderer(sandbox, params));
  });

  app.get<IdParams>('/v1/products/:id', (request) => {
    if (sandbox.deletedIds.has(request.params.id)) return deleted(request.params.id, 'product');
    return respond(sandbox, request, find(request.params.id));
  });

  app.post<IdParams>('/v1/products/:id', (request) => {
    const before = find(request.params.id);
    const params = paramsOf(request).allowOnly([...EDITABLE, 'default_price']);
    const after = applyProductParams(before, params);
    const defaultPrice = params.string('default_price');
    if (defaultPrice !== undefined) {
      if (defaultPrice !== null && sandbox.prices.get(defaultPrice)?.product !== before.id) {
        throw invalidRequest(`No such price: '${defaultPrice}'`, 'default_price', 'resource_missing');
      }
      after.default_price = defaultPrice;
    }
    after.updated = sandbox.now();
    sandbox.products.set(after);
    const previous = previousAttributes(before, after);
    delete previous.updated;
    if (Object.keys(previous).length > 0)
      emitEvent(sandbox, 'product.updated', after, requestMeta(request), previous);
    return respond(sandbox, request, after);
  });

  app.delete<IdParams>('/v1/products/:id', (request) => {
    const product = find(request.params.id);
    if (sandbox.prices.newestFirst().some((price) => price.product === product.id)) {
      throw invalidRequest(
        'This product cannot be deleted because it has one or more user-created prices.',
        'id',
        'product_has_prices',
      );
    }
    sandbox.products.delete(product.id);
    sandbox.deletedIds.add(product.id);
    emitEvent(sandbox, 'product.deleted', product, requestMeta(request));
    return deleted(product.id, 'product');
  });
}
