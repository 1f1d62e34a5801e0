import { Injectable } from '@nestjs/common';
import { type CustomerChangePageDto } from '@concord/contracts';
import { readChangePage } from '../change-feed/change-page.util.js';
import { CrmCustomers } from './crm-customers.port.js';

@Injectable()
export class ListCustomerChangesUseCase {
  constructor(private readonly crm: CrmCustomers) {}

  execute(encodedCursor: string | undefined, limit: number): Promise<CustomerChangePageDto> {
    return readChangePage((position, size) => this.crm.readChanges(position, size), encodedCursor, limit);
  }
}
