import { Injectable } from '@nestjs/common';
import { type CustomerRecordV1 } from '@concord/contracts';
import { CrmCustomers } from './crm-customers.port.js';

@Injectable()
export class LinkCustomerUseCase {
  constructor(private readonly crm: CrmCustomers) {}

  /** Idempotent: linking an account to the canonical ID it carries already changes nothing. */
  execute(concordId: string, externalId: string): Promise<CustomerRecordV1> {
    return this.crm.link(concordId, externalId);
  }
}
