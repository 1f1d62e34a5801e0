import { type FastifyInstance } from 'fastify';
import { lineForItem } from './invoices.routes.js';
import { recalculate, requireDraft } from './invoice.service.js';
import { LIST_PARAMS, paginate } from './list.util.js';
import { readCurrency } from './price.factory.js';
import { deleted, listRenderer, paramsOf, requestMeta, respond } from './route.helpers.js';
import { invalidRequest, missingReference, resourceMissing } from './stripe.errors.js';
import { type StripeSandbox } from './stripe.state.js';
import { applyMetadata } from './stripe-params.util.js';
import { type InvoiceItem } from './stripe-object.types.js';
import { emitEvent } from './events.service.js';

type IdParams = { Params: { id: string } };

export function registerInvoiceItemRoutes(app: FastifyInstance, sandbox: StripeSandbox): void {
  const find = (id: string): InvoiceItem => {
    const item = sandbox.invoiceItems.get(id);
    if (!item) throw resourceMissing('invoiceitem', id);
    return item;
  };

  app.post('/v1/invoiceitems', (request) => {
    const params = paramsOf(request).allowOnly([
      'customer',
      'price',
      'amount',
      'currency',
      'quantity',
      'description',
      'invoice',
      'metadata',
      'period',
    ]);
    const customerId = params.requiredString('customer');
    if (!sandbox.customers.get(customerId)) throw missingReference('customer', customerId, 'customer');
    const priceId = params.string('price');
    const price = priceId ? sandbox.prices.get(priceId) : undefined;
    if (priceId && !price) throw missingReference('price', priceId, 'price');
    if (price && params.has('amount'))
      throw invalidRequest('You may only specify one of these parameters: amount, price.', 'amount');
    const quantity = params.int('quantity', 0) ?? 1;
    const amount = price ? (price.unit_amount ?? 0) * quantity : params.int('amount');
    if (amount === undefined)
      throw invalidRequest('Missing required param: amount.', 'amount', 'parameter_missing');
    const currency = price ? price.currency : readCurrency(params);
    const invoiceId = params.string('invoice');
    const invoice = invoiceId ? sandbox.invoices.get(invoiceId) : undefined;
    if (invoiceId && !invoice) throw missingReference('invoice', invoiceId, 'invoice');
    if (invoice) {
      requireDraft(invoice, 'add invoice items to');
      if (invoice.customer !== customerId)
        throw invalidRequest('The invoice belongs to a different customer.', 'invoice');
    }
    const period = params.object('period')?.allowOnly(['start', 'end']);
    const now = sandbox.now();
    const item: InvoiceItem = {
      id: sandbox.newId('ii'),
      object: 'invoiceitem',
      amount,
      currency,
      customer: customerId,
      customer_account: null,
      date: now,
      created: now,
      description: params.string('description', 500) ?? price?.nickname ?? null,
      discountable: true,
      discounts: [],
      invoice: invoice?.id ?? null,
      livemode: false,
      metadata: applyMetadata({}, params.metadata()),
      net_amount: amount,
      parent: null,
      period: { start: period?.int('start') ?? now, end: period?.int('end') ?? now },
      pricing: {
        price_details: price ? { price: price.id, product: price.product } : null,
        type: 'price_details',
        unit_amount_decimal: quantity > 0 ? String(amount / quantity) : null,
      },
      proration: false,
      quantity,
      quantity_decimal: String(quantity),
      tax_rates: [],
      test_clock: null,
    };
    sandbox.invoiceItems.set(item);
    if (invoice) {
      const updated = structuredClone(invoice);
      updated.lines.push(lineForItem(sandbox, item.id));
      recalculate(updated);
      sandbox.invoices.set(updated);
    }
    emitEvent(sandbox, 'invoiceitem.created', item, requestMeta(request));
    return respond(sandbox, request, item);
  });

  app.get('/v1/invoiceitems', (request) => {
    const params = paramsOf(request).allowOnly([...LIST_PARAMS, 'customer', 'invoice', 'pending']);
    const customer = params.string('customer');
    const invoice = params.string('invoice');
    const pending = params.bool('pending');
    const items = sandbox.invoiceItems
      .newestFirst()
      .filter(
        (i) =>
          (!customer || i.customer === customer) &&
          (!invoice || i.invoice === invoice) &&
          (pending !== true || i.invoice === null),
      );
    return paginate(items, params, '/v1/invoiceitems', 'invoiceitem', listRenderer(sandbox, params));
  });

  app.get<IdParams>('/v1/invoiceitems/:id', (request) => respond(sandbox, request, find(request.params.id)));

  app.delete<IdParams>('/v1/invoiceitems/:id', (request) => {
    const item = find(request.params.id);
    const invoice = item.invoice ? sandbox.invoices.get(item.invoice) : undefined;
    if (invoice) {
      requireDraft(invoice, 'delete invoice items from');
      const updated = structuredClone(invoice);
      updated.lines = updated.lines.filter((line) => line.invoiceItem !== item.id);
      recalculate(updated);
      sandbox.invoices.set(updated);
    }
    sandbox.invoiceItems.delete(item.id);
    emitEvent(sandbox, 'invoiceitem.deleted', item, requestMeta(request));
    return deleted(item.id, 'invoiceitem');
  });
}
