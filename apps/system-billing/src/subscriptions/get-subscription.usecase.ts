import { Injectable } from '@nestjs/common';
import { AdapterError } from '@concord/contracts';
import { BillingSubscriptions } from './billing-subscriptions.port.js';
import { type SubscriptionRecordDto } from './subscription.dto.js';

export function subscriptionNotFound(subscriptionKey: string, operation: string): AdapterError {
  return new AdapterError({
    kind: 'NotFound',
    system: 'billing',
    operation,
    message: `no billing subscription holds key ${subscriptionKey}`,
  });
}

@Injectable()
export class GetSubscriptionUseCase {
  constructor(private readonly subscriptions: BillingSubscriptions) {}

  async execute(subscriptionKey: string): Promise<SubscriptionRecordDto> {
    const record = await this.subscriptions.find(subscriptionKey);
    if (!record) throw subscriptionNotFound(subscriptionKey, 'subscriptions.get');
    return record;
  }
}
