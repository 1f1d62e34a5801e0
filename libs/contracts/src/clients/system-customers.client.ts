import { type CustomerV1 } from '../customer/v1/customer.dto.js';
import { type CustomerRecordV1, type UpsertOutcomeDto } from '../system/customer-record.dto.js';
import { type LayerTransport } from './layer-transport.js';

/** The canonical customer routes every system API serves, as the process layer calls them. */
export class SystemCustomersClient {
  constructor(protected readonly transport: LayerTransport) {}

  async getCustomer(concordId: string): Promise<CustomerRecordV1> {
    const response = await this.transport.request<CustomerRecordV1>({
      method: 'GET',
      path: `/v1/customers/${encodeURIComponent(concordId)}`,
      operation: 'customers.get',
    });
    return response.body;
  }

  /** Creates or updates the system's customer of this canonical ID; `created` tells which. */
  async upsertCustomer(
    concordId: string,
    customer: CustomerV1,
    idempotencyKey: string,
  ): Promise<UpsertOutcomeDto> {
    const response = await this.transport.request<UpsertOutcomeDto>({
      method: 'PUT',
      path: `/v1/customers/${encodeURIComponent(concordId)}`,
      body: customer,
      headers: { 'idempotency-key': idempotencyKey },
      operation: 'customers.upsert',
      idempotent: true,
    });
    return response.body;
  }
}
