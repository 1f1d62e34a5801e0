import { Injectable } from '@nestjs/common';
import { type CustomerRecordV1, type SyncStatusUpdateDto } from '@concord/contracts';
import { CrmCustomers } from './crm-customers.port.js';

@Injectable()
export class UpdateSyncStatusUseCase {
  constructor(private readonly crm: CrmCustomers) {}

  /** Idempotent by nature: the same verdict written twice leaves the account as written once. */
  execute(concordId: string, update: SyncStatusUpdateDto): Promise<CustomerRecordV1> {
    return this.crm.updateSyncStatus(concordId, update);
  }
}
