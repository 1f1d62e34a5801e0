import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorCode } from '@concord/contracts';
import { type AuthenticatedRequest, ConcordException, PartnerAuth } from '@concord/governance';
import { ApiErrorResponses } from '@concord/platform';
import { partnerIdOf } from '../common/partner.util.js';
import { RegisterWebhookEndpointUseCase } from './register-webhook-endpoint.usecase.js';
import { toWebhookEndpoint } from './webhook-endpoint.mapper.js';
import {
  CreatedWebhookEndpointDto,
  CreateWebhookEndpointDto,
  WebhookEndpointIdParamDto,
  WebhookEndpointListDto,
} from './webhook-endpoints.dto.js';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository.js';
import { ApiQuotaResponses } from '../quotas/quota-docs.util.js';

@ApiTags('webhooks')
@ApiBearerAuth('apiKey')
@ApiQuotaResponses()
@Controller('v1/webhook-endpoints')
export class WebhookEndpointsController {
  constructor(
    private readonly register: RegisterWebhookEndpointUseCase,
    private readonly endpoints: WebhookEndpointsRepository,
  ) {}

  @Post()
  @PartnerAuth('customers:read')
  @ApiOperation({
    summary: 'Register a webhook endpoint',
    description:
      'Concord POSTs the chosen events to `url`, signed with the `secret` in this answer (shown on ' +
      'creation only). A receiver answering anything but 2xx is retried with exponential backoff.',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    description: '8–255 characters of A–Z a–z 0–9 . _ : -',
  })
  @ApiBody({
    type: CreateWebhookEndpointDto,
    examples: {
      both: {
        summary: 'Completed and rejected onboardings',
        value: {
          url: 'https://portal.example.com/hooks/concord',
          eventTypes: ['customer.onboarding.completed', 'customer.onboarding.rejected'],
        },
      },
    },
  })
  @ApiCreatedResponse({ type: CreatedWebhookEndpointDto })
  @ApiErrorResponses(400, 401, 403, 409, 422)
  create(
    @Req() request: AuthenticatedRequest,
    @Headers('idempotency-key') key: string | undefined,
    @Body() body: CreateWebhookEndpointDto,
  ): Promise<CreatedWebhookEndpointDto> {
    return this.register.execute(partnerIdOf(request), key, body);
  }

  @Get()
  @PartnerAuth('customers:read')
  @ApiOperation({
    summary: "The partner's webhook endpoints",
    description: 'Oldest first; secrets are never shown.',
  })
  @ApiOkResponse({ type: WebhookEndpointListDto })
  @ApiErrorResponses(401, 403)
  async list(@Req() request: AuthenticatedRequest): Promise<WebhookEndpointListDto> {
    return { items: (await this.endpoints.list(partnerIdOf(request))).map(toWebhookEndpoint) };
  }

  @Delete(':id')
  @HttpCode(204)
  @PartnerAuth('customers:read')
  @ApiOperation({
    summary: 'Remove a webhook endpoint',
    description: 'No new deliveries go to it; pending retries stop. 404 when it is not one of yours.',
  })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrorResponses(400, 401, 403, 404)
  async remove(
    @Req() request: AuthenticatedRequest,
    @Param() params: WebhookEndpointIdParamDto,
  ): Promise<void> {
    if (!(await this.endpoints.delete(partnerIdOf(request), params.id)))
      throw new ConcordException(ErrorCode.NOT_FOUND, 'No such webhook endpoint');
  }
}
