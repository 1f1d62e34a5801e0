import { Body, Controller, Get, Headers, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type FastifyReply } from 'fastify';
import {
  SalesOrderChangePageDto,
  SalesOrderOutcomeDto,
  SalesOrderRecordV1,
  SalesOrderV1,
} from '@concord/contracts';
import { ServiceAuth } from '@concord/governance';
import { ApiErrorResponses, ServiceRead } from '@concord/platform';
import { ChangesQueryDto, DEFAULT_CHANGES_LIMIT } from '@concord/contracts';
import { CreateSalesOrderUseCase } from './create-sales-order.usecase.js';
import { ReadSalesOrdersUseCase } from './read-sales-orders.usecase.js';
import { SalesOrderReferenceParamsDto } from './sales-order-request.dto.js';

@ApiTags('sales-orders')
@ApiBearerAuth('serviceToken')
@Controller('v1/sales-orders')
export class SalesOrdersController {
  constructor(
    private readonly createOrder: CreateSalesOrderUseCase,
    private readonly readOrders: ReadSalesOrdersUseCase,
  ) {}

  /** ERP sales order changes after the cursor, in every company; deletions included. */
  @Get('changes')
  @ServiceRead(SalesOrderChangePageDto)
  changes(@Query() query: ChangesQueryDto): Promise<SalesOrderChangePageDto> {
    return this.readOrders.changes(query.cursor, query.limit ?? DEFAULT_CHANGES_LIMIT);
  }

  /**
   * Creates the sales order with its lines in the customer's company (201), or answers the order that
   * already carries this reference, completing lines a lost answer left out (200).
   */
  @Post()
  @ServiceAuth()
  @ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    description: '8–255 characters of A–Z a–z 0–9 . _ : -',
  })
  @ApiCreatedResponse({ type: SalesOrderOutcomeDto, description: 'Order created' })
  @ApiOkResponse({ type: SalesOrderOutcomeDto, description: 'An order with this reference existed' })
  @ApiErrorResponses(400, 401, 403, 409, 422, 429, 503)
  async create(
    @Headers('idempotency-key') key: string | undefined,
    @Body() order: SalesOrderV1,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SalesOrderOutcomeDto> {
    const result = await this.createOrder.execute(key, order);
    void reply.status(result.status);
    return result.body;
  }

  @Get(':reference')
  @ServiceRead(SalesOrderRecordV1, 404)
  get(@Param() params: SalesOrderReferenceParamsDto): Promise<SalesOrderRecordV1> {
    return this.readOrders.get(params.reference);
  }
}
