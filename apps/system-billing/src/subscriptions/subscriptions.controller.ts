import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type FastifyReply } from 'fastify';
import { ServiceAuth } from '@concord/governance';
import { ApiErrorResponses } from '@concord/platform';
import { CancelSubscriptionUseCase } from './cancel-subscription.usecase.js';
import { GetSubscriptionUseCase } from './get-subscription.usecase.js';
import { InvoiceListDto } from './invoice.dto.js';
import { ListSubscriptionInvoicesUseCase } from './list-subscription-invoices.usecase.js';
import {
  CancelSubscriptionDto,
  SubscriptionKeyParams,
  SubscriptionRecordDto,
  SubscriptionRequestDto,
} from './subscription.dto.js';
import { UpsertSubscriptionUseCase } from './upsert-subscription.usecase.js';

@ApiTags('subscriptions')
@ApiBearerAuth('serviceToken')
@Controller('v1/subscriptions')
export class SubscriptionsController {
  constructor(
    private readonly getSubscription: GetSubscriptionUseCase,
    private readonly upsertSubscription: UpsertSubscriptionUseCase,
    private readonly cancelSubscription: CancelSubscriptionUseCase,
    private readonly listInvoices: ListSubscriptionInvoicesUseCase,
  ) {}

  @Get(':subscriptionKey')
  @ServiceAuth()
  @ApiOkResponse({ type: SubscriptionRecordDto })
  @ApiErrorResponses(400, 401, 403, 404, 429, 503)
  get(@Param() params: SubscriptionKeyParams): Promise<SubscriptionRecordDto> {
    return this.getSubscription.execute(params.subscriptionKey);
  }

  @Put(':subscriptionKey')
  @ServiceAuth()
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiCreatedResponse({ type: SubscriptionRecordDto, description: 'The billing subscription was created' })
  @ApiOkResponse({ type: SubscriptionRecordDto, description: 'The billing subscription was updated' })
  @ApiErrorResponses(400, 401, 403, 404, 409, 422, 429, 503)
  async put(
    @Param() params: SubscriptionKeyParams,
    @Body() request: SubscriptionRequestDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SubscriptionRecordDto> {
    const result = await this.upsertSubscription.execute(params.subscriptionKey, request, key);
    void reply.status(result.status);
    return result.body;
  }

  @Post(':subscriptionKey/cancel')
  @HttpCode(200)
  @ServiceAuth()
  @ApiOkResponse({ type: SubscriptionRecordDto, description: 'The subscription, canceled or ending' })
  @ApiErrorResponses(400, 401, 403, 404, 422, 429, 503)
  cancel(
    @Param() params: SubscriptionKeyParams,
    @Body() body: CancelSubscriptionDto,
  ): Promise<SubscriptionRecordDto> {
    return this.cancelSubscription.execute(params.subscriptionKey, body?.atPeriodEnd ?? false);
  }

  @Get(':subscriptionKey/invoices')
  @ServiceAuth()
  @ApiOkResponse({ type: InvoiceListDto })
  @ApiErrorResponses(400, 401, 403, 404, 429, 503)
  invoices(@Param() params: SubscriptionKeyParams): Promise<InvoiceListDto> {
    return this.listInvoices.execute(params.subscriptionKey);
  }
}
