import { Injectable } from '@nestjs/common';
import { BillingInvoices } from './billing-invoices.port.js';
import { BillingSubscriptions } from './billing-subscriptions.port.js';
import { subscriptionNotFound } from './get-subscription.usecase.js';
import { type InvoiceListDto } from './invoice.dto.js';

@Injectable()
export class ListSubscriptionInvoicesUseCase {
  constructor(
    private readonly subscriptions: BillingSubscriptions,
    private readonly invoices: BillingInvoices,
  ) {}

  async execute(subscriptionKey: string): Promise<InvoiceListDto> {
    const subscription = await this.subscriptions.find(subscriptionKey);
    if (!subscription) throw subscriptionNotFound(subscriptionKey, 'subscriptions.invoices');
    return { invoices: await this.invoices.listForSubscription(subscription.externalId) };
  }
}
