import { type Invoice, type InvoiceLine } from './stripe-object.types.js';

export function presentInvoice(invoice: Invoice): Record<string, unknown> {
  const { lines, days_until_due_setting: _days, ...rest } = structuredClone(invoice);
  return {
    ...rest,
    lines: {
      object: 'list',
      data: lines.map((line) => presentLine(invoice, line)),
      has_more: false,
      url: `/v1/invoices/${invoice.id}/lines`,
    },
  };
}

export function presentLine(invoice: Invoice, line: InvoiceLine): Record<string, unknown> {
  const parent = line.subscriptionItem
    ? {
        invoice_item_details: null,
        subscription_item_details: {
          invoice_item: null,
          proration: false,
          proration_details: { credited_items: null },
          subscription: line.subscription,
          subscription_item: line.subscriptionItem,
        },
        type: 'subscription_item_details',
      }
    : {
        invoice_item_details: {
          invoice_item: line.invoiceItem,
          proration: false,
          proration_details: { credited_items: null },
          subscription: line.subscription,
        },
        subscription_item_details: null,
        type: 'invoice_item_details',
      };
  return {
    id: line.id,
    object: 'line_item',
    amount: line.amount,
    currency: line.currency,
    description: line.description,
    discount_amounts: [],
    discountable: true,
    discounts: [],
    invoice: invoice.id,
    livemode: false,
    metadata: line.metadata,
    parent,
    period: line.period,
    pretax_credit_amounts: [],
    pricing: {
      price_details: line.price ? { price: line.price, product: line.product } : null,
      type: 'price_details',
      unit_amount_decimal: line.quantity > 0 ? String(line.amount / line.quantity) : null,
    },
    quantity: line.quantity,
    quantity_decimal: String(line.quantity),
    subscription: line.subscription,
    subtotal: line.amount,
    taxes: [],
  };
}
