import { Injectable } from '@nestjs/common';
import { type SalesOrderOutcomeDto, type SalesOrderV1 } from '@concord/contracts';
import { IdempotentWrite } from '@concord/platform';
import { ErpSalesOrders } from './erp-sales-orders.port.js';

export const SALES_ORDERS_SCOPE = 'system-erp:sales-orders';

@Injectable()
export class CreateSalesOrderUseCase {
  constructor(
    private readonly orders: ErpSalesOrders,
    private readonly idempotent: IdempotentWrite,
  ) {}

  /** 201 when this call created the order, 200 when the reference already had one; a repeated key replays. */
  async execute(
    key: string | undefined,
    order: SalesOrderV1,
  ): Promise<{ status: number; body: SalesOrderOutcomeDto }> {
    const result = await this.idempotent.run(SALES_ORDERS_SCOPE, key, order, async () => {
      const outcome = await this.orders.create(order);
      return { status: outcome.created ? 201 : 200, body: outcome };
    });
    return { status: result.status, body: result.body };
  }
}
