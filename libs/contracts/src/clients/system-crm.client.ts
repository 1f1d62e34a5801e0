import {
  type CustomerChangePageDto,
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

  /** Stamps the canonical ID on the existing CRM account `externalId`; repeating it changes nothing. */
  async linkCustomer(concordId: string, externalId: string): Promise<CustomerRecordV1> {
    const response = await this.transport.request<CustomerRecordV1>({
      method: 'PUT',
      path: `/v1/customers/${encodeURIComponent(concordId)}/link`,
      body: { externalId },
      operation: 'customers.link',
      idempotent: true,
    });
    return response.body;
  }

  /** One page of the CRM account change feed after `cursor` (from the start without one). */
  async customerChanges(cursor: string | undefined, limit: number): Promise<CustomerChangePageDto> {
    const response = await this.transport.request<CustomerChangePageDto>({
      method: 'GET',
      path: '/v1/customers/changes',
      query: { limit, cursor },
      operation: 'customers.changes',
    });
    return response.body;
  }
}
