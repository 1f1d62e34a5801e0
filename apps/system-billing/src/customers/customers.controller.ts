import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type FastifyReply } from 'fastify';
import { CustomerChangePageDto, CustomerRecordV1, CustomerV1, UpsertOutcomeDto } from '@concord/contracts';
import { ServiceAuth } from '@concord/governance';
import { ApiErrorResponses } from '@concord/platform';
import { CustomerBatchRequestDto, CustomerBatchResponseDto } from '@concord/contracts';
import { ConcordIdParams, CustomerChangesQuery } from './customer-request.dto.js';
import { GetCustomerUseCase } from './get-customer.usecase.js';
import { ListCustomerChangesUseCase } from './list-customer-changes.usecase.js';
import { UpsertCustomerBatchUseCase } from './upsert-customer-batch.usecase.js';
import { UpsertCustomerUseCase } from './upsert-customer.usecase.js';

@ApiTags('customers')
@ApiBearerAuth('serviceToken')
@Controller('v1/customers')
export class CustomersController {
  constructor(
    private readonly getCustomer: GetCustomerUseCase,
    private readonly upsertCustomer: UpsertCustomerUseCase,
    private readonly upsertBatch: UpsertCustomerBatchUseCase,
    private readonly listChanges: ListCustomerChangesUseCase,
  ) {}

  @Get('changes')
  @ServiceAuth()
  @ApiOkResponse({ type: CustomerChangePageDto })
  @ApiErrorResponses(400, 401, 403, 429, 503)
  changes(@Query() query: CustomerChangesQuery): Promise<CustomerChangePageDto> {
    return this.listChanges.execute(query.cursor, query.limit);
  }

  @Post('batch')
  @HttpCode(200)
  @ServiceAuth()
  @ApiOkResponse({ type: CustomerBatchResponseDto })
  @ApiErrorResponses(400, 401, 403)
  batch(@Body() body: CustomerBatchRequestDto): Promise<CustomerBatchResponseDto> {
    return this.upsertBatch.execute(body.items);
  }

  @Get(':concordId')
  @ServiceAuth()
  @ApiOkResponse({ type: CustomerRecordV1 })
  @ApiErrorResponses(400, 401, 403, 404, 429, 503)
  get(@Param() params: ConcordIdParams): Promise<CustomerRecordV1> {
    return this.getCustomer.execute(params.concordId);
  }

  @Put(':concordId')
  @ServiceAuth()
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiCreatedResponse({ type: UpsertOutcomeDto, description: 'The billing customer was created' })
  @ApiOkResponse({ type: UpsertOutcomeDto, description: 'The billing customer was updated' })
  @ApiErrorResponses(400, 401, 403, 409, 422, 429, 503)
  async put(
    @Param() params: ConcordIdParams,
    @Body() customer: CustomerV1,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UpsertOutcomeDto> {
    const result = await this.upsertCustomer.execute(params.concordId, customer, key);
    void reply.status(result.status);
    return result.body;
  }
}
