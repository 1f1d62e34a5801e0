import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type FastifyReply } from 'fastify';
import { CustomerChangePageDto, CustomerRecordV1, CustomerV1, UpsertOutcomeDto } from '@concord/contracts';
import { ServiceAuth } from '@concord/governance';
import { ApiErrorResponses } from '@concord/platform';
import { CustomerBatchRequestDto, CustomerBatchResponseDto } from '@concord/contracts';
import { ConcordIdParamsDto, CustomerChangesQueryDto } from './customer-request.dto.js';
import { GetCustomerUseCase } from './get-customer.usecase.js';
import { ReadCustomerChangesUseCase } from './read-customer-changes.usecase.js';
import { UpsertCustomerUseCase } from './upsert-customer.usecase.js';
import { UpsertCustomersBatchUseCase } from './upsert-customers-batch.usecase.js';

@ApiTags('customers')
@ApiBearerAuth('serviceToken')
@Controller('v1/customers')
export class CustomersController {
  constructor(
    private readonly getCustomer: GetCustomerUseCase,
    private readonly upsertCustomer: UpsertCustomerUseCase,
    private readonly upsertBatch: UpsertCustomersBatchUseCase,
    private readonly readChanges: ReadCustomerChangesUseCase,
  ) {}

  /** ERP customer changes after the cursor, deletions included. */
  @Get('changes')
  @ServiceAuth()
  @ApiOkResponse({ type: CustomerChangePageDto })
  @ApiErrorResponses(400, 401, 403, 429, 503)
  changes(@Query() query: CustomerChangesQueryDto): Promise<CustomerChangePageDto> {
    return this.readChanges.execute(query.cursor, query.limit);
  }

  @Get(':concordId')
  @ServiceAuth()
  @ApiOkResponse({ type: CustomerRecordV1 })
  @ApiErrorResponses(400, 401, 403, 404, 429, 503)
  get(@Param() params: ConcordIdParamsDto): Promise<CustomerRecordV1> {
    return this.getCustomer.execute(params.concordId);
  }

  /** Creates (201) or replaces (200) the ERP customer of this canonical ID. */
  @Put(':concordId')
  @ServiceAuth()
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiCreatedResponse({ type: UpsertOutcomeDto })
  @ApiOkResponse({ type: UpsertOutcomeDto })
  @ApiErrorResponses(400, 401, 403, 409, 422, 429, 503)
  async put(
    @Param() params: ConcordIdParamsDto,
    @Headers('idempotency-key') key: string | undefined,
    @Body() body: CustomerV1,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UpsertOutcomeDto> {
    const result = await this.upsertCustomer.execute(params.concordId, key, body);
    void reply.status(result.status);
    return result.body;
  }

  /** Up to 200 upserts through the ERP's bulk path; per-item results in input order. */
  @Post('batch')
  @HttpCode(200)
  @ServiceAuth()
  @ApiOkResponse({ type: CustomerBatchResponseDto })
  @ApiErrorResponses(400, 401, 403, 429, 503)
  batch(@Body() body: CustomerBatchRequestDto): Promise<CustomerBatchResponseDto> {
    return this.upsertBatch.execute(body);
  }
}
