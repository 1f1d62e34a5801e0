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
  AccountLinkDto,
  CustomerChangePageDto,
  CustomerRecordV1,
  CustomerV1,
  SyncStatusUpdateDto,
  UpsertOutcomeDto,
} from '@concord/contracts';
import { ServiceAuth } from '@concord/governance';
import { ApiErrorResponses } from '@concord/platform';
import {
  AccountIdParamDto,
  ConcordIdParamDto,
  CustomerChangesQueryDto,
  DEFAULT_CHANGES_LIMIT,
} from './customer-params.dto.js';
import { CustomerBatchRequestDto, CustomerBatchResponseDto } from '@concord/contracts';
import { GetCustomerUseCase } from './get-customer.usecase.js';
import { LinkAccountUseCase } from './link-account.usecase.js';
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
    private readonly linkAccount: LinkAccountUseCase,
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

  /** Writes Concord's sync verdict and the other systems' IDs onto the existing account. */
  @Patch(':concordId/sync-status')
  @ServiceAuth()
  @ApiOkResponse({ type: CustomerRecordV1 })
  @ApiErrorResponses(400, 401, 403, 404, 422, 429, 503)
  syncStatus(
    @Param() params: ConcordIdParamDto,
    @Body() update: SyncStatusUpdateDto,
  ): Promise<CustomerRecordV1> {
    return this.updateSyncStatus.execute(params.concordId, update);
  }

  /**
   * Links an account created in the CRM directly (no Concord ID yet) to a canonical customer, by its
   * record ID. Idempotent: the same link again answers 200 unchanged; another Concord ID on it is 409.
   */
  @Put('by-external-id/:externalId/concord-id')
  @ServiceAuth()
  @ApiOkResponse({ type: CustomerRecordV1 })
  @ApiErrorResponses(400, 401, 403, 404, 409, 429, 503)
  link(@Param() params: AccountIdParamDto, @Body() link: AccountLinkDto): Promise<CustomerRecordV1> {
    return this.linkAccount.execute(params.externalId, link.concordId);
  }
}
