import { Injectable } from '@nestjs/common';
import { AdapterError } from '@concord/contracts';
import { BillingInvoices } from '../../subscriptions/billing-invoices.port.js';
import { type InvoiceRecordDto } from '../../subscriptions/invoice.dto.js';
import { StripeClient } from './stripe.client.js';
import { toInvoiceRecord } from './stripe-subscription.mappers.js';
import { type StripeInvoiceWire } from './stripe.types.js';

const PAGE_SIZE = 100;
/** A subscription's invoices are read at most this many pages deep (1,000 invoices). */
const MAX_PAGES = 10;

const isKind = (error: unknown, kind: AdapterError['kind']): boolean =>
  error instanceof AdapterError && error.kind === kind;

/**
 * Stripe invoices. Finalizing and paying are made idempotent by reading the invoice first and again
 * after a refusal: an invoice already in the state asked for is the answer, not an error.
 */
@Injectable()
export class StripeInvoicesService extends BillingInvoices {
  constructor(private readonly stripe: StripeClient) {
    super();
  }

  async listForSubscription(subscriptionExternalId: string): Promise<InvoiceRecordDto[]> {
    const invoices: InvoiceRecordDto[] = [];
    let startingAfter: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const list = await this.stripe.call('invoices.list', (sdk) =>
        sdk.invoices.list({
          subscription: subscriptionExternalId,
          limit: PAGE_SIZE,
          ...(startingAfter ? { starting_after: startingAfter } : {}),
        }),
      );
      invoices.push(...list.data.map(toInvoiceRecord));
      startingAfter = list.data.at(-1)?.id;
      if (!list.has_more || !startingAfter) break;
    }
    return invoices;
  }

  finalize(invoiceId: string): Promise<InvoiceRecordDto | undefined> {
    return this.advance(
      invoiceId,
      (invoice) => invoice.status !== 'draft',
      () => this.stripe.call('invoices.finalize', (sdk) => sdk.invoices.finalizeInvoice(invoiceId)),
    );
  }

  pay(invoiceId: string): Promise<InvoiceRecordDto | undefined> {
    return this.advance(
      invoiceId,
      (invoice) => invoice.status === 'paid',
      () => this.stripe.call('invoices.pay', (sdk) => sdk.invoices.pay(invoiceId)),
    );
  }

  private async advance(
    invoiceId: string,
    done: (invoice: StripeInvoiceWire) => boolean,
    act: () => Promise<StripeInvoiceWire>,
  ): Promise<InvoiceRecordDto | undefined> {
    const invoice = await this.retrieve(invoiceId);
    if (!invoice) return undefined;
    if (done(invoice)) return toInvoiceRecord(invoice);
    try {
      return toInvoiceRecord(await act());
    } catch (error) {
      // Another caller (or a call whose answer was lost) got there first: its outcome is the answer.
      if (!isKind(error, 'Rejected') && !isKind(error, 'Temporary')) throw error;
      const again = await this.retrieve(invoiceId);
      if (again && done(again)) return toInvoiceRecord(again);
      throw error;
    }
  }

  private async retrieve(id: string): Promise<StripeInvoiceWire | undefined> {
    try {
      return await this.stripe.call('invoices.retrieve', (sdk) => sdk.invoices.retrieve(id));
    } catch (error) {
      if (isKind(error, 'NotFound')) return undefined;
      throw error;
    }
  }
}
