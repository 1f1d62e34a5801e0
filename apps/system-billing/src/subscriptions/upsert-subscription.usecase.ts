import { Injectable } from '@nestjs/common';
import { IdempotentWrite, type IdempotentResult } from '@concord/platform';
import { BillingSubscriptions } from './billing-subscriptions.port.js';
import { type SubscriptionRecordDto, type SubscriptionRequestDto } from './subscription.dto.js';
import { subscriptionWriteKey } from './subscription-key.util.js';
import { SubscriptionPlanService } from './subscription-plan.service.js';

@Injectable()
export class UpsertSubscriptionUseCase {
  constructor(
    private readonly subscriptions: BillingSubscriptions,
    private readonly plans: SubscriptionPlanService,
    private readonly idempotent: IdempotentWrite,
  ) {}

  execute(
    subscriptionKey: string,
    request: SubscriptionRequestDto,
    idempotencyKey: string | undefined,
  ): Promise<IdempotentResult<SubscriptionRecordDto>> {
    this.plans.check(request);
    return this.idempotent.run(
      'system-billing:subscriptions',
      idempotencyKey,
      { subscriptionKey, request },
      async () => {
        const plan = await this.plans.resolve(request);
        const outcome = await this.subscriptions.upsert(
          subscriptionKey,
          plan,
          subscriptionWriteKey(subscriptionKey, idempotencyKey ?? ''),
        );
        return { status: outcome.created ? 201 : 200, body: outcome.subscription };
      },
    );
  }
}
