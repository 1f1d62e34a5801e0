import { Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode } from '@concord/contracts';
import { type AuthenticatedRequest, ConcordException, OperatorAuth } from '@concord/governance';
import { ApiErrorResponses } from '@concord/platform';
import { operatorIdOf } from '../exceptions/operator.util.js';
import { ListWebhookDeliveriesUseCase } from './list-webhook-deliveries.usecase.js';
import { ResendWebhookDeliveryUseCase } from './resend-webhook-delivery.usecase.js';
import { toDeliverySummary } from './webhook-delivery.mapper.js';
import { DeliveryIdParamDto, WebhookDeliveryQueryDto } from './webhook-delivery-query.dto.js';
import { WebhookDeliveryReadsRepository } from './webhook-delivery-reads.repository.js';
import {
  WebhookDeliveryDetailDto,
  WebhookDeliveryPageDto,
  WebhookResendResultDto,
} from './webhook-delivery-views.dto.js';

@ApiTags('webhook-deliveries')
@ApiBearerAuth('apiKey')
@Controller('v1/webhook-deliveries')
export class WebhookDeliveriesController {
  constructor(
    private readonly listDeliveries: ListWebhookDeliveriesUseCase,
    private readonly reads: WebhookDeliveryReadsRepository,
    private readonly resendDelivery: ResendWebhookDeliveryUseCase,
  ) {}

  @Get()
  @OperatorAuth('viewer')
  @ApiOperation({
    summary: 'List webhook deliveries',
    description:
      'Newest first, one row per (event, partner endpoint), with the last answer and the next retry. ' +
      'Pass `nextCursor` back as `cursor` for the next page; it is absent on the last page.',
  })
  @ApiOkResponse({ type: WebhookDeliveryPageDto })
  @ApiErrorResponses(400, 401, 403)
  list(@Query() query: WebhookDeliveryQueryDto): Promise<WebhookDeliveryPageDto> {
    return this.listDeliveries.execute(query);
  }

  @Get(':id')
  @OperatorAuth('viewer')
  @ApiOperation({ summary: 'One webhook delivery with the event sent and every attempt' })
  @ApiOkResponse({ type: WebhookDeliveryDetailDto })
  @ApiErrorResponses(400, 401, 403, 404)
  async get(@Param() params: DeliveryIdParamDto): Promise<WebhookDeliveryDetailDto> {
    const row = await this.reads.find(params.id);
    if (!row) throw new ConcordException(ErrorCode.NOT_FOUND, 'No such webhook delivery');
    const attempts = await this.reads.attempts(params.id);
    return {
      ...toDeliverySummary(row),
      payload: row.payload,
      attemptLog: attempts.map((attempt) => ({ ...attempt, at: attempt.at.toISOString() })),
    };
  }

  @Post(':id/resend')
  @HttpCode(202)
  @OperatorAuth('steward')
  @ApiOperation({
    summary: 'Send a delivery again',
    description:
      'Whatever its status, the event goes to the endpoint again with a fresh round of retries; ' +
      'recorded in the audit log.',
  })
  @ApiAcceptedResponse({ type: WebhookResendResultDto })
  @ApiErrorResponses(400, 401, 403, 404)
  resend(
    @Req() request: AuthenticatedRequest,
    @Param() params: DeliveryIdParamDto,
  ): Promise<WebhookResendResultDto> {
    return this.resendDelivery.execute(params.id, operatorIdOf(request));
  }
}
