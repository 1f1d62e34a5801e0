import { Injectable } from '@nestjs/common';
import { type CustomerRecordV1, ErrorCode } from '@concord/contracts';
import { ConcordException } from '@concord/governance';
import { CrmCustomers } from './crm-customers.port.js';

@Injectable()
export class GetCustomerUseCase {
  constructor(private readonly crm: CrmCustomers) {}

  async execute(concordId: string): Promise<CustomerRecordV1> {
    const record = await this.crm.find(concordId);
    if (!record) {
      throw new ConcordException(ErrorCode.NOT_FOUND, `No CRM account has concordId ${concordId}`, [
        { path: 'concordId', message: 'not found' },
      ]);
    }
    return record;
  }
}
