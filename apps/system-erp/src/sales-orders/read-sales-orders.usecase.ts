import { Injectable } from '@nestjs/common';
import { ErrorCode, type SalesOrderChangePageDto, type SalesOrderRecordV1 } from '@concord/contracts';
import { ConcordException } from '@concord/governance';
import { readFeedPage } from '../change-feed/feed-page.util.js';
import { ErpSalesOrders } from './erp-sales-orders.port.js';

@Injectable()
export class ReadSalesOrdersUseCase {
  constructor(private readonly orders: ErpSalesOrders) {}

  async get(reference: string): Promise<SalesOrderRecordV1> {
    const order = await this.orders.find(reference);
    if (order) return order;
    throw new ConcordException(ErrorCode.NOT_FOUND, `No ERP sales order carries reference ${reference}`, [
      { path: 'reference', message: 'unknown in the ERP' },
    ]);
  }

  changes(cursor: string | undefined, limit: number): Promise<SalesOrderChangePageDto> {
    return readFeedPage((decoded) => this.orders.changesSince(decoded, limit), cursor);
  }
}
