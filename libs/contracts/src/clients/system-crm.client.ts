import {
  type AccountLinkDto,
  type CustomerRecordV1,
  type SyncStatusUpdateDto,
} from '../system/customer-record.dto.js';
import { SystemCustomersClient } from './system-customers.client.js';

/** The CRM system API as the process layer calls it: the shared customer routes plus the write-back. */
export class SystemCrmClient extends SystemCustomersClient {
  /** Writes Concord's verdict onto the existing account; never creates one. */
  async updateSyncStatus(concordId: string, update: SyncStatusUpdateDto): Promise<CustomerRecordV1> {
    const response = await this.transport.request<CustomerRecordV1>({
      method: 'PATCH',
      path: `/v1/customers/${encodeURIComponent(concordId)}/sync-status`,
      body: update,
      operation: 'customers.sync-status',
      idempotent: true,
    });
    return response.body;
  }

  /** Puts the canonical ID on an account that exists already (created in the CRM directly); idempotent. */
  async linkAccount(externalId: string, link: AccountLinkDto): Promise<CustomerRecordV1> {
    const response = await this.transport.request<CustomerRecordV1>({
      method: 'PUT',
      path: `/v1/customers/by-external-id/${encodeURIComponent(externalId)}/concord-id`,
      body: link,
      operation: 'customers.link',
      idempotent: true,
    });
    return response.body;
  }
}
