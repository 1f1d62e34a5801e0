import { Inject, Injectable } from '@nestjs/common';
import {
  type CustomerBatchItemDto,
  type CustomerBatchResponseDto,
  type CustomerBatchResultDto,
} from '@concord/contracts';
import { eachItem, itemFailure } from '../common/batch-items.util.js';
import { BILLING_CONFIG, type BillingConfig } from '../system-billing.config.js';
import { BillingCustomers } from './billing-customers.port.js';
import { batchItemKey, customerWriteKey } from './write-key.util.js';

/** A batch of customers, each item reporting its own outcome, so one bad item never fails the others. */
@Injectable()
export class UpsertCustomerBatchUseCase {
  constructor(
    private readonly customers: BillingCustomers,
    @Inject(BILLING_CONFIG) private readonly config: BillingConfig,
  ) {}

  async execute(items: CustomerBatchItemDto[]): Promise<CustomerBatchResponseDto> {
    return { results: await eachItem(items, this.config.batchConcurrency, (item) => this.one(item)) };
  }

  private async one({ concordId, customer }: CustomerBatchItemDto): Promise<CustomerBatchResultDto> {
    try {
      const key = customerWriteKey(concordId, batchItemKey(customer));
      return { concordId, ok: true, outcome: await this.customers.upsert(concordId, customer, key) };
    } catch (error) {
      return { concordId, ok: false, error: itemFailure(error, 'customers.batch') };
    }
  }
}
