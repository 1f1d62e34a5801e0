import { emitEvent } from './events.service.js';
import { invalidRequest } from './stripe.errors.js';
import { type RequestMeta, type StripeSandbox } from './stripe.state.js';
import { type Customer, type Invoice, type InvoiceLine } from './stripe-object.types.js';
import { activateAfterPayment } from './subscription-lifecycle.service.js';

export interface NewInvoiceOptions {
  billingReason: 'manual' | 'subscription_create' | 'subscription_cycle' | 'subscription_update';
  collectionMethod: Invoice['collection_method'];
  currency: string;
  daysUntilDue?: number | null;
  dueDate?: number | null;
  subscription?: { id: string; metadata: Record<string, string> } | null;
  description?: string | null;
  footer?: string | null;
  metadata?: Record<string, string>;
  autoAdvance?: boolean;
  periodStart?: number;
  periodEnd?: number;
}

export function newInvoice(sandbox: StripeSandbox, customer: Customer, options: NewInvoiceOptions): Invoice {
  const now = sandbox.now();
  const subscription = options.subscription ?? null;
  return {
    id: sandbox.newId('in'),
    object: 'invoice',
    account_country: 'US',
    account_name: 'Concord Sandbox',
    account_tax_ids: null,
    amount_due: 0,
    amount_overpaid: 0,
    amount_paid: 0,
    amount_remaining: 0,
    amount_shipping: 0,
    application: null,
    attempt_count: 0,
    attempted: false,
    auto_advance: options.autoAdvance ?? false,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null, provider: null, status: null },
    automatically_finalizes_at: null,
    billing_reason: options.billingReason,
    collection_method: options.collectionMethod,
    created: now,
    currency: options.currency,
    custom_fields: null,
    customer: customer.id,
    customer_account: null,
    customer_address: customer.address,
    customer_email: customer.email,
    customer_name: customer.name,
    customer_phone: customer.phone,
    customer_shipping: customer.shipping ?? null,
    customer_tax_exempt: customer.tax_exempt ?? 'none',
    customer_tax_ids: [],
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: options.description ?? null,
    discounts: [],
    due_date: options.collectionMethod === 'send_invoice' ? (options.dueDate ?? null) : null,
    days_until_due_setting: options.daysUntilDue ?? null,
    effective_at: null,
    ending_balance: null,
    footer: options.footer ?? null,
    from_invoice: null,
    hosted_invoice_url: null,
    invoice_pdf: null,
    issuer: { type: 'self' },
    last_finalization_error: null,
    latest_revision: null,
    lines: [],
    livemode: false,
    metadata: options.metadata ?? {},
    next_payment_attempt: null,
    number: null,
    on_behalf_of: null,
    parent: subscription
      ? {
          quote_details: null,
          subscription_details: { metadata: subscription.metadata, subscription: subscription.id },
          type: 'subscription_details',
        }
      : null,
    payment_settings: { default_mandate: null, payment_method_options: null, payment_method_types: null },
    period_end: options.periodEnd ?? now,
    period_start: options.periodStart ?? now,
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    rendering: null,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: 0,
    statement_descriptor: null,
    status: 'draft',
    status_transitions: { finalized_at: null, marked_uncollectible_at: null, paid_at: null, voided_at: null },
    subscription: subscription?.id ?? null,
    subtotal: 0,
    subtotal_excluding_tax: 0,
    test_clock: null,
    total: 0,
    total_discount_amounts: [],
    total_excluding_tax: 0,
    total_pretax_credit_amounts: [],
    total_taxes: [],
    webhooks_delivered_at: null,
  };
}

/** Amounts follow the lines; there is no tax or discount in the sandbox, so total equals subtotal. */
export function recalculate(invoice: Invoice): void {
  const subtotal = invoice.lines.reduce((sum, line) => sum + line.amount, 0);
  Object.assign(invoice, {
    subtotal,
    subtotal_excluding_tax: subtotal,
    total: subtotal,
    total_excluding_tax: subtotal,
    amount_due: subtotal,
    amount_remaining:
      invoice.status === 'paid' || invoice.status === 'void' ? 0 : subtotal - invoice.amount_paid,
  });
}

export function addLine(invoice: Invoice, line: Omit<InvoiceLine, 'object'>): void {
  invoice.lines.push({ ...line, object: 'line_item' });
  recalculate(invoice);
}

export function requireDraft(invoice: Invoice, action: string): void {
  if (invoice.status !== 'draft') {
    throw invalidRequest(
      `You can only ${action} draft invoices. This invoice is ${invoice.status}.`,
      'invoice',
      'invoice_not_editable',
    );
  }
}

export function finalizeInvoice(sandbox: StripeSandbox, invoice: Invoice, meta: RequestMeta): Invoice {
  if (invoice.status !== 'draft') {
    throw invalidRequest(
      "This invoice is already finalized, you can't re-finalize a non-draft invoice.",
      undefined,
      'invoice_already_finalized',
    );
  }
  const customer = sandbox.customers.get(invoice.customer);
  const now = sandbox.now();
  const sequence = customer?.next_invoice_sequence ?? 1;
  if (customer) sandbox.customers.set({ ...customer, next_invoice_sequence: sequence + 1 });
  invoice.number = `${customer?.invoice_prefix ?? 'CONCORD'}-${String(sequence).padStart(4, '0')}`;
  invoice.status = 'open';
  invoice.effective_at = now;
  invoice.status_transitions = { ...(invoice.status_transitions as object), finalized_at: now };
  invoice.hosted_invoice_url = `https://invoice.stripe.com/i/sandbox/${invoice.id}`;
  invoice.invoice_pdf = `https://pay.stripe.com/invoice/sandbox/${invoice.id}/pdf`;
  const days = invoice.days_until_due_setting;
  if (invoice.collection_method === 'send_invoice' && invoice.due_date === null) {
    invoice.due_date = now + (typeof days === 'number' ? days : 30) * 86_400;
  }
  recalculate(invoice);
  sandbox.invoices.set(invoice);
  emitEvent(sandbox, 'invoice.finalized', invoice, meta);
  // Stripe settles an invoice with nothing to collect as soon as it is finalized.
  if (invoice.amount_due === 0) markPaid(sandbox, invoice, meta);
  return invoice;
}

export function markPaid(sandbox: StripeSandbox, invoice: Invoice, meta: RequestMeta): Invoice {
  if (invoice.status === 'paid')
    throw invalidRequest('Invoice is already paid', undefined, 'invoice_already_paid');
  if (invoice.status !== 'open') {
    throw invalidRequest(
      `You cannot pay an invoice with status ${invoice.status}.`,
      undefined,
      'invoice_not_open',
    );
  }
  const now = sandbox.now();
  invoice.status = 'paid';
  invoice.amount_paid = invoice.amount_due as number;
  invoice.attempted = invoice.amount_due !== 0;
  invoice.attempt_count = invoice.amount_due !== 0 ? 1 : 0;
  invoice.status_transitions = { ...(invoice.status_transitions as object), paid_at: now };
  recalculate(invoice);
  sandbox.invoices.set(invoice);
  emitEvent(sandbox, 'invoice.paid', invoice, meta);
  if (invoice.amount_due !== 0) emitEvent(sandbox, 'invoice.payment_succeeded', invoice, meta);
  if (invoice.subscription) activateAfterPayment(sandbox, invoice.subscription, meta);
  return invoice;
}
