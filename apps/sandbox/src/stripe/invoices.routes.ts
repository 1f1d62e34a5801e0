import { type FastifyInstance } from 'fastify';
import { finalizeInvoice, markPaid, newInvoice, recalculate, requireDraft } from './invoice.service.js';
import { presentLine } from './invoice.presenter.js';
import { LIST_PARAMS, paginate } from './list.util.js';
import { deleted, listRenderer, paramsOf, requestMeta, respond } from './route.helpers.js';
import { metadataField, searchPage } from './search.util.js';
import { type SearchField } from './search-query.parser.js';
import { invalidRequest, missingReference, resourceMissing } from './stripe.errors.js';
import { type StripeSandbox } from './stripe.state.js';
import { applyMetadata } from './stripe-params.util.js';
import { type Invoice } from './stripe-object.types.js';
import { emitEvent } from './events.service.js';
import { previousAttributes } from './object-diff.util.js';

type IdParams = { Params: { id: string } };

const CREATE_PARAMS = [
  'customer',
  'subscription',
  'auto_advance',
  'collection_method',
  'days_until_due',
  'due_date',
  'description',
  'metadata',
  'pending_invoice_items_behavior',
  'currency',
  'footer',
];
const DRAFT_ONLY = ['collection_method', 'days_until_due', 'due_date', 'description', 'footer'];

const SEARCH_FIELDS: Record<string, SearchField<Invoice>> = {
  customer: { kind: 'string', read: (i) => i.customer },
  status: { kind: 'string', read: (i) => i.status },
  subscription: { kind: 'string', read: (i) => i.subscription },
  number: { kind: 'string', read: (i) => i.number },
  total: { kind: 'number', read: (i) => i.total as number },
  created: { kind: 'number', read: (i) => i.created },
  metadata: metadataField<Invoice>(),
};

export function registerInvoiceRoutes(app: FastifyInstance, sandbox: StripeSandbox): void {
  const find = (id: string): Invoice => {
    const invoice = sandbox.invoices.get(id);
    if (!invoice) throw resourceMissing('invoice', id);
    return invoice;
  };

  app.post('/v1/invoices', (request) => {
    const params = paramsOf(request).allowOnly(CREATE_PARAMS);
    const customerId = params.requiredString('customer');
    const customer = sandbox.customers.get(customerId);
    if (!customer) throw missingReference('customer', customerId, 'customer');
    const subscriptionId = params.string('subscription');
    const subscription = subscriptionId ? sandbox.subscriptions.get(subscriptionId) : undefined;
    if (subscriptionId && !subscription)
      throw missingReference('subscription', subscriptionId, 'subscription');
    const collectionMethod =
      params.oneOf('collection_method', ['charge_automatically', 'send_invoice'] as const) ??
      'charge_automatically';
    const daysUntilDue = params.int('days_until_due', 0, 730);
    const dueDate = params.int('due_date');
    if (collectionMethod === 'send_invoice' && daysUntilDue === undefined && dueDate === undefined) {
      throw invalidRequest('Missing required param: days_until_due.', 'days_until_due', 'parameter_missing');
    }
    const currency = (params.string('currency') ?? customer.currency ?? 'usd').toLowerCase();
    const invoice = newInvoice(sandbox, customer, {
      billingReason: 'manual',
      collectionMethod,
      currency,
      daysUntilDue: daysUntilDue ?? null,
      dueDate: dueDate ?? null,
      subscription: subscription ?? null,
      description: params.string('description', 1500) ?? null,
      footer: params.string('footer', 5000) ?? null,
      metadata: applyMetadata({}, params.metadata()),
      autoAdvance: params.bool('auto_advance') ?? false,
    });
    const behavior =
      params.oneOf('pending_invoice_items_behavior', ['include', 'exclude'] as const) ?? 'exclude';
    if (behavior === 'include') {
      for (const item of sandbox.invoiceItems.newestFirst().reverse()) {
        if (item.customer !== customer.id || item.invoice !== null || item.currency !== currency) continue;
        sandbox.invoiceItems.set({ ...item, invoice: invoice.id });
        invoice.lines.push(lineForItem(sandbox, item.id));
      }
      recalculate(invoice);
    }
    sandbox.invoices.set(invoice);
    emitEvent(sandbox, 'invoice.created', invoice, requestMeta(request));
    return respond(sandbox, request, invoice);
  });

  app.get('/v1/invoices', (request) => {
    const params = paramsOf(request).allowOnly([
      ...LIST_PARAMS,
      'customer',
      'subscription',
      'status',
      'collection_method',
    ]);
    const customer = params.string('customer');
    const subscription = params.string('subscription');
    const status = params.oneOf('status', ['draft', 'open', 'paid', 'uncollectible', 'void'] as const);
    const method = params.string('collection_method');
    const items = sandbox.invoices
      .newestFirst()
      .filter(
        (i) =>
          (!customer || i.customer === customer) &&
          (!subscription || i.subscription === subscription) &&
          (!status || i.status === status) &&
          (!method || i.collection_method === method),
      );
    return paginate(items, params, '/v1/invoices', 'invoice', listRenderer(sandbox, params));
  });

  app.get('/v1/invoices/search', (request) => {
    const params = paramsOf(request);
    return searchPage(sandbox.invoices, params, 'invoices', SEARCH_FIELDS, listRenderer(sandbox, params));
  });

  app.get<IdParams>('/v1/invoices/:id', (request) => respond(sandbox, request, find(request.params.id)));

  app.get<IdParams>('/v1/invoices/:id/lines', (request) => {
    const invoice = find(request.params.id);
    const params = paramsOf(request).allowOnly(LIST_PARAMS);
    const lines = [...invoice.lines].reverse().map((line) => ({
      ...presentLine(invoice, line),
      id: line.id,
      object: 'line_item',
      created: invoice.created,
    }));
    return paginate(
      lines,
      params,
      `/v1/invoices/${invoice.id}/lines`,
      'line_item',
      ({ created: _created, ...line }) => line,
    );
  });

  app.post<IdParams>('/v1/invoices/:id', (request) => {
    const before = find(request.params.id);
    const params = paramsOf(request).allowOnly(['metadata', 'auto_advance', ...DRAFT_ONLY]);
    if (before.status !== 'draft' && DRAFT_ONLY.some((key) => params.has(key))) {
      throw invalidRequest(
        'Finalized invoices can only update metadata and auto_advance.',
        DRAFT_ONLY.find((key) => params.has(key)),
      );
    }
    const after: Invoice = structuredClone(before);
    after.metadata = applyMetadata(after.metadata, params.metadata());
    const autoAdvance = params.bool('auto_advance');
    if (autoAdvance !== undefined) after.auto_advance = autoAdvance;
    for (const key of ['description', 'footer'] as const) {
      const value = params.string(key, 5000);
      if (value !== undefined) after[key] = value;
    }
    const method = params.oneOf('collection_method', ['charge_automatically', 'send_invoice'] as const);
    if (method) after.collection_method = method;
    const days = params.int('days_until_due', 0, 730);
    if (days !== undefined) after.days_until_due_setting = days;
    const dueDate = params.int('due_date');
    if (dueDate !== undefined) after.due_date = dueDate;
    sandbox.invoices.set(after);
    const previous = previousAttributes(before, after);
    if (Object.keys(previous).length > 0)
      emitEvent(sandbox, 'invoice.updated', after, requestMeta(request), previous);
    return respond(sandbox, request, after);
  });

  app.delete<IdParams>('/v1/invoices/:id', (request) => {
    const invoice = find(request.params.id);
    requireDraft(invoice, 'delete');
    for (const line of invoice.lines) if (line.invoiceItem) sandbox.invoiceItems.delete(line.invoiceItem);
    sandbox.invoices.delete(invoice.id);
    emitEvent(sandbox, 'invoice.deleted', invoice, requestMeta(request));
    return deleted(invoice.id, 'invoice');
  });

  app.post<IdParams>('/v1/invoices/:id/finalize', (request) => {
    const invoice = structuredClone(find(request.params.id));
    const autoAdvance = paramsOf(request).allowOnly(['auto_advance']).bool('auto_advance');
    if (autoAdvance !== undefined) invoice.auto_advance = autoAdvance;
    return respond(sandbox, request, finalizeInvoice(sandbox, invoice, requestMeta(request)));
  });

  app.post<IdParams>('/v1/invoices/:id/pay', (request) => {
    paramsOf(request).allowOnly([
      'paid_out_of_band',
      'payment_method',
      'source',
      'off_session',
      'forgive',
      'mandate',
    ]);
    const meta = requestMeta(request);
    let invoice = structuredClone(find(request.params.id));
    // Paying a draft finalizes it first, as Stripe does.
    if (invoice.status === 'draft') invoice = finalizeInvoice(sandbox, invoice, meta);
    if (invoice.status === 'paid' && invoice.amount_due === 0) return respond(sandbox, request, invoice);
    return respond(sandbox, request, markPaid(sandbox, invoice, meta));
  });

  app.post<IdParams>('/v1/invoices/:id/void', (request) => {
    const invoice = structuredClone(find(request.params.id));
    if (invoice.status !== 'open' && invoice.status !== 'uncollectible') {
      throw invalidRequest(
        `You can only void open or uncollectible invoices. This invoice is ${invoice.status}.`,
        undefined,
      );
    }
    invoice.status = 'void';
    invoice.status_transitions = { ...(invoice.status_transitions as object), voided_at: sandbox.now() };
    recalculate(invoice);
    sandbox.invoices.set(invoice);
    emitEvent(sandbox, 'invoice.voided', invoice, requestMeta(request));
    return respond(sandbox, request, invoice);
  });

  app.post<IdParams>('/v1/invoices/:id/mark_uncollectible', (request) => {
    const invoice = structuredClone(find(request.params.id));
    if (invoice.status !== 'open')
      throw invalidRequest(
        `You can only mark open invoices uncollectible. This invoice is ${invoice.status}.`,
        undefined,
      );
    invoice.status = 'uncollectible';
    invoice.status_transitions = {
      ...(invoice.status_transitions as object),
      marked_uncollectible_at: sandbox.now(),
    };
    sandbox.invoices.set(invoice);
    emitEvent(sandbox, 'invoice.marked_uncollectible', invoice, requestMeta(request));
    return respond(sandbox, request, invoice);
  });
}

export function lineForItem(sandbox: StripeSandbox, itemId: string): Invoice['lines'][number] {
  const item = sandbox.invoiceItems.get(itemId);
  if (!item) throw resourceMissing('invoiceitem', itemId);
  const pricing = item.pricing as { price_details: { price: string; product: string } | null };
  return {
    id: sandbox.newId('il'),
    object: 'line_item',
    amount: item.amount,
    currency: item.currency,
    description: item.description,
    quantity: item.quantity,
    price: pricing.price_details?.price ?? null,
    product: pricing.price_details?.product ?? null,
    subscription: null,
    subscriptionItem: null,
    invoiceItem: item.id,
    period: item.period as { start: number; end: number },
    metadata: item.metadata,
  };
}
