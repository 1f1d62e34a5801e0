import { Injectable } from '@nestjs/common';
import { BillingSubscriptions } from './billing-subscriptions.port.js';
import { subscriptionNotFound } from './get-subscription.usecase.js';
import { type SubscriptionRecordDto } from './subscription.dto.js';

@Injectable()
export class CancelSubscriptionUseCase {
  constructor(private readonly subscriptions: BillingSubscriptions) {}

  async execute(subscriptionKey: string, atPeriodEnd: boolean): Promise<SubscriptionRecordDto> {
    const record = await this.subscriptions.cancel(subscriptionKey, atPeriodEnd);
    if (!record) throw subscriptionNotFound(subscriptionKey, 'subscriptions.cancel');
    return record;
  }
}
