import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type FastifyReply } from 'fastify';
import {
  CustomerChangePageDto,
  CustomerLinkDto,
  CustomerRecordV1,
  CustomerV1,
  SyncStatusUpdateDto,
  UpsertOutcomeDto,
} from '@concord/contracts';
import { ServiceAuth } from '@concord/governance';
import { ApiErrorResponses } from '@concord/platform';
import { ConcordIdParamDto, CustomerChangesQueryDto, DEFAULT_CHANGES_LIMIT } from './customer-params.dto.js';
import { CustomerBatchRequestDto, CustomerBatchResponseDto } from '@concord/contracts';
import { GetCustomerUseCase } from './get-customer.usecase.js';
import { LinkCustomerUseCase } from './link-customer.usecase.js';
import { ListCustomerChangesUseCase } from './list-customer-changes.usecase.js';
import { UpdateSyncStatusUseCase } from './update-sync-status.usecase.js';
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
    private readonly updateSyncStatus: UpdateSyncStatusUseCase,
    private readonly listChanges: ListCustomerChangesUseCase,
    private readonly linkCustomer: LinkCustomerUseCase,
  ) {}

  /** CRM account changes in (modstamp, id) order, deletions included; pass `nextCursor` back. */
  @Get('changes')
  @ServiceAuth()
  @ApiOkResponse({ type: CustomerChangePageDto })
  @ApiErrorResponses(400, 401, 403, 429, 503)
  changes(@Query() query: CustomerChangesQueryDto): Promise<CustomerChangePageDto> {
    return this.listChanges.execute(query.cursor, query.limit ?? DEFAULT_CHANGES_LIMIT);
  }

  /** Upserts 1–200 customers in one Salesforce batch; each item reports its own outcome. */
  @Post('batch')
  @HttpCode(200)
  @ServiceAuth()
  @ApiOkResponse({ type: CustomerBatchResponseDto })
  @ApiErrorResponses(400, 401, 403, 413, 429, 503)
  batch(@Body() request: CustomerBatchRequestDto): Promise<CustomerBatchResponseDto> {
    return this.upsertBatch.execute(request);
  }

  @Get(':concordId')
  @ServiceAuth()
  @ApiOkResponse({ type: CustomerRecordV1 })
  @ApiErrorResponses(400, 401, 403, 404, 429, 503)
  get(@Param() params: ConcordIdParamDto): Promise<CustomerRecordV1> {
    return this.getCustomer.execute(params.concordId);
  }

  /** Creates (201) or updates (200) the account carrying this canonical ID; Idempotency-Key required. */
  @Put(':concordId')
  @ServiceAuth()
  @ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    description: '8–255 characters of A–Z a–z 0–9 . _ : -',
  })
  @ApiCreatedResponse({ type: UpsertOutcomeDto, description: 'Account created' })
  @ApiOkResponse({ type: UpsertOutcomeDto, description: 'Account updated' })
  @ApiErrorResponses(400, 401, 403, 409, 413, 422, 429, 503)
  async put(
    @Param() params: ConcordIdParamDto,
    @Headers('idempotency-key') key: string | undefined,
    @Body() customer: CustomerV1,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UpsertOutcomeDto> {
    const result = await this.upsertCustomer.execute(params.concordId, key, customer);
    void reply.status(result.status);
    return result.body;
  }

  /**
   * Writes Concord's sync verdict and the other systems' IDs onto the existing account: the one
   * carrying this canonical ID, or the one `accountId` names, linking it in the same write.
   */
  @Patch(':concordId/sync-status')
  @ServiceAuth()
  @ApiOkResponse({ type: CustomerRecordV1 })
  @ApiErrorResponses(400, 401, 403, 404, 409, 422, 429, 503)
  syncStatus(
    @Param() params: ConcordIdParamDto,
    @Body() update: SyncStatusUpdateDto,
  ): Promise<CustomerRecordV1> {
    return this.updateSyncStatus.execute(params.concordId, update);
  }

  /** Stamps this canonical ID on the existing account `externalId`; 409 when it carries another one. */
  @Put(':concordId/link')
  @ServiceAuth()
  @ApiOkResponse({ type: CustomerRecordV1 })
  @ApiErrorResponses(400, 401, 403, 404, 409, 429, 503)
  link(@Param() params: ConcordIdParamDto, @Body() body: CustomerLinkDto): Promise<CustomerRecordV1> {
    return this.linkCustomer.execute(params.concordId, body.externalId);
  }
}
