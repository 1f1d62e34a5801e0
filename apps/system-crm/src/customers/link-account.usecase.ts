import { Injectable } from '@nestjs/common';
import { type CustomerRecordV1 } from '@concord/contracts';
import { CrmCustomers } from './crm-customers.port.js';

@Injectable()
export class LinkAccountUseCase {
  constructor(private readonly crm: CrmCustomers) {}

  /** Idempotent by nature: linking an account to the canonical ID it already carries changes nothing. */
  execute(externalId: string, concordId: string): Promise<CustomerRecordV1> {
    return this.crm.link(externalId, concordId);
  }
}
