import { Controller, Headers, HttpCode, Post, Req } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@concord/governance';
import { ApiErrorResponses } from '@concord/platform';
import { type RawBodyRequest } from './raw-body.util.js';
import { RecordBillingEventUseCase } from './record-billing-event.usecase.js';
import { WebhookAckDto } from './webhook-ack.dto.js';

@ApiTags('webhooks')
@Controller('v1/webhooks')
export class StripeWebhookController {
  constructor(private readonly recordEvent: RecordBillingEventUseCase) {}

  /** Public: the Stripe-Signature over the raw body is the authentication. */
  @Post('stripe')
  @HttpCode(200)
  @Public()
  @ApiHeader({ name: 'Stripe-Signature', required: true })
  @ApiOkResponse({ type: WebhookAckDto })
  @ApiErrorResponses(400, 503)
  receive(
    @Req() request: RawBodyRequest,
    @Headers('stripe-signature') signature: string | undefined,
  ): Promise<WebhookAckDto> {
    return this.recordEvent.execute(request.rawBody, signature);
  }
}
