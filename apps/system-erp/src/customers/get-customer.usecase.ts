import { Injectable } from '@nestjs/common';
import { type CustomerRecordV1, ErrorCode } from '@concord/contracts';
import { ConcordException } from '@concord/governance';
import { CustomerXrefRepository } from './customer-xref.repository.js';
import { ErpCustomers } from './erp-customers.port.js';

@Injectable()
export class GetCustomerUseCase {
  constructor(
    private readonly customers: ErpCustomers,
    private readonly xref: CustomerXrefRepository,
  ) {}

  /** Reads the ERP record the xref names, else the one Concord's customer number finds. */
  async execute(concordId: string): Promise<CustomerRecordV1> {
    const record = await this.customers.find(concordId, await this.xref.externalIdOf(concordId));
    if (!record) {
      throw new ConcordException(ErrorCode.NOT_FOUND, `No ERP customer for ${concordId}`, [
        { path: 'concordId', message: 'unknown in the ERP' },
      ]);
    }
    return record;
  }
}
