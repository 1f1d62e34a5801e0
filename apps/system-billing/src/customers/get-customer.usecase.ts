import { Injectable } from '@nestjs/common';
import { AdapterError, type CustomerRecordV1 } from '@concord/contracts';
import { BillingCustomers } from './billing-customers.port.js';

@Injectable()
export class GetCustomerUseCase {
  constructor(private readonly customers: BillingCustomers) {}

  async execute(concordId: string): Promise<CustomerRecordV1> {
    const record = await this.customers.find(concordId);
    if (!record) {
      throw new AdapterError({
        kind: 'NotFound',
        system: 'billing',
        operation: 'customers.get',
        message: `no billing customer holds ${concordId}`,
      });
    }
    return record;
  }
}
