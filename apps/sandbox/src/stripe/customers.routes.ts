import { type FastifyInstance } from 'fastify';
import { applyCustomerParams, newCustomer } from './customer.factory.js';
import { LIST_PARAMS, paginate } from './list.util.js';
import { deleted, listRenderer, paramsOf, requestMeta, respond } from './route.helpers.js';
import { metadataField, searchPage } from './search.util.js';
import { type SearchField } from './search-query.parser.js';
import { resourceMissing } from './stripe.errors.js';
import { type StripeSandbox } from './stripe.state.js';
import { type Customer } from './stripe-object.types.js';
import { cancelSubscription } from './subscription-lifecycle.service.js';
import { emitEvent } from './events.service.js';
import { previousAttributes } from './object-diff.util.js';

type IdParams = { Params: { id: string } };

export const CUSTOMER_SEARCH_FIELDS: Record<string, SearchField<Customer>> = {
  email: { kind: 'string', read: (c) => c.email },
  name: { kind: 'string', read: (c) => c.name },
  phone: { kind: 'string', read: (c) => c.phone },
  created: { kind: 'number', read: (c) => c.created },
  metadata: metadataField<Customer>(),
};

export function registerCustomerRoutes(app: FastifyInstance, sandbox: StripeSandbox): void {
  const find = (id: string): Customer => {
    const customer = sandbox.customers.get(id);
    if (!customer) throw resourceMissing('customer', id);
    return customer;
  };

  app.post('/v1/customers', (request) => {
    const customer = applyCustomerParams(
      newCustomer(sandbox.newId('cus', 14), sandbox.now()),
      paramsOf(request),
    );
    sandbox.customers.set(customer);
    emitEvent(sandbox, 'customer.created', customer, requestMeta(request));
    return respond(sandbox, request, customer);
  });

  app.get('/v1/customers', (request) => {
    const params = paramsOf(request).allowOnly([...LIST_PARAMS, 'email']);
    const email = params.string('email');
    const items = sandbox.customers.newestFirst().filter((c) => email === undefined || c.email === email);
    return paginate(items, params, '/v1/customers', 'customer', listRenderer(sandbox, params));
  });

  app.get('/v1/customers/search', (request) => {
    const params = paramsOf(request);
    return searchPage(
      sandbox.customers,
      params,
      'customers',
      CUSTOMER_SEARCH_FIELDS,
      listRenderer(sandbox, params),
    );
  });

  app.get<IdParams>('/v1/customers/:id', (request) => {
    if (sandbox.deletedIds.has(request.params.id)) return deleted(request.params.id, 'customer');
    return respond(sandbox, request, find(request.params.id));
  });

  app.post<IdParams>('/v1/customers/:id', (request) => {
    const before = find(request.params.id);
    const after = applyCustomerParams(before, paramsOf(request));
    sandbox.customers.set(after);
    const previous = previousAttributes(before, after);
    if (Object.keys(previous).length > 0)
      emitEvent(sandbox, 'customer.updated', after, requestMeta(request), previous);
    return respond(sandbox, request, after);
  });

  app.delete<IdParams>('/v1/customers/:id', (request) => {
    const customer = find(request.params.id);
    const meta = requestMeta(request);
    for (const subscription of sandbox.subscriptions.newestFirst()) {
      if (subscription.customer === customer.id && subscription.status !== 'canceled') {
        cancelSubscription(sandbox, subscription, meta);
      }
    }
    sandbox.customers.delete(customer.id);
    sandbox.deletedIds.add(customer.id);
    emitEvent(sandbox, 'customer.deleted', customer, meta);
    return deleted(customer.id, 'customer');
  });
}
