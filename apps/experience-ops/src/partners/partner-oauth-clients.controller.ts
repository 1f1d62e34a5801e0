import { Body, Controller, Headers, Param, Post, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiHeader,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type AuthenticatedRequest, OperatorAuth } from '@concord/governance';
import { ApiErrorResponses } from '@concord/platform';
import { adminActorOf } from './admin-actor.util.js';
import { IssueOAuthClientUseCase } from './issue-oauth-client.usecase.js';
import { IDEMPOTENCY_HEADER } from './partners.controller.js';
import { IssuedOAuthClientDto, IssueKeyDto, PartnerIdParamDto } from './partners.dto.js';

@ApiTags('partners')
@ApiBearerAuth('apiKey')
@Controller('v1/partners/:id/oauth-clients')
export class PartnerOAuthClientsController {
  constructor(private readonly issueClient: IssueOAuthClientUseCase) {}

  @Post()
  @OperatorAuth('admin')
  @ApiOperation({
    summary: 'Issue OAuth2 client credentials',
    description:
      'For partners that prefer `POST /oauth/token` (client credentials grant) over API keys. Listed and ' +
      'revoked with the keys (`kind: oauth_client`). The secret is in this answer only. Audited.',
  })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiBody({ type: IssueKeyDto, examples: { readOnly: { value: { scopes: ['customers:read'] } } } })
  @ApiCreatedResponse({ type: IssuedOAuthClientDto })
  @ApiErrorResponses(400, 401, 403, 404, 409, 422)
  issue(
    @Req() request: AuthenticatedRequest,
    @Param() params: PartnerIdParamDto,
    @Headers('idempotency-key') key: string | undefined,
    @Body() body: IssueKeyDto,
  ): Promise<IssuedOAuthClientDto> {
    return this.issueClient.execute(adminActorOf(request), params.id, key, body);
  }
}
