import { Inject, Injectable } from '@nestjs/common';
import { AdapterError } from '@concord/contracts';
import { BILLING_CONFIG, type BillingConfig } from '../system-billing.config.js';
import { BillingCustomers } from './billing-customers.port.js';
import {
  type CustomerBatchItemDto,
  type CustomerBatchResponseDto,
  type CustomerBatchResultDto,
} from '@concord/contracts';
import { batchItemKey, customerWriteKey } from './write-key.util.js';

/**
 * Stripe has no batch endpoint: items are written one by one, a few at a time (the client's rate
 * limiter paces them), and each item reports its own outcome. Outages other than vendor verdicts
 * are reported per item too, so one bad item never fails the others.
 */
@Injectable()
export class UpsertCustomerBatchUseCase {
  constructor(
    private readonly customers: BillingCustomers,
    @Inject(BILLING_CONFIG) private readonly config: BillingConfig,
  ) {}

  async execute(items: CustomerBatchItemDto[]): Promise<CustomerBatchResponseDto> {
    const results = new Array<CustomerBatchResultDto>(items.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < items.length) {
        const index = next++;
        results[index] = await this.one(items[index]!);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.config.batchConcurrency, items.length) }, worker));
    return { results };
  }

  private async one(item: CustomerBatchItemDto): Promise<CustomerBatchResultDto> {
    const { concordId, customer } = item;
    try {
      const key = customerWriteKey(concordId, batchItemKey(customer));
      return { concordId, ok: true, outcome: await this.customers.upsert(concordId, customer, key) };
    } catch (error) {
      const adapterError =
        error instanceof AdapterError
          ? error
          : new AdapterError({
              kind: 'Unknown',
              system: 'billing',
              operation: 'customers.batch',
              message: error instanceof Error ? error.message : String(error),
            });
      return {
        concordId,
        ok: false,
        error: { kind: adapterError.kind, message: adapterError.message, details: adapterError.details },
      };
    }
  }
}
