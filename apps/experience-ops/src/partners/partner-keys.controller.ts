import { Body, Controller, Get, Headers, HttpCode, Param, Post, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type AuthenticatedRequest, OperatorAuth, PartnerAdminService } from '@concord/governance';
import { ApiErrorResponses } from '@concord/platform';
import { adminActorOf } from './admin-actor.util.js';
import { IssuePartnerKeyUseCase } from './issue-partner-key.usecase.js';
import { IDEMPOTENCY_HEADER } from './partners.controller.js';
import {
  CredentialDto,
  CredentialListDto,
  IssuedKeyDto,
  IssueKeyDto,
  PartnerIdParamDto,
  PartnerKeyParamDto,
  RotatedKeyDto,
  RotateKeyDto,
} from './partners.dto.js';
import { RotatePartnerKeyUseCase } from './rotate-partner-key.usecase.js';

@ApiTags('partners')
@ApiBearerAuth('apiKey')
@Controller('v1/partners/:id/keys')
export class PartnerKeysController {
  constructor(
    private readonly issueKey: IssuePartnerKeyUseCase,
    private readonly rotateKey: RotatePartnerKeyUseCase,
    private readonly admin: PartnerAdminService,
  ) {}

  @Post()
  @OperatorAuth('admin')
  @ApiOperation({ summary: 'Issue an API key', description: 'The key is in this answer only. Audited.' })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiBody({
    type: IssueKeyDto,
    examples: { readWrite: { value: { scopes: ['customers:read', 'customers:write'] } } },
  })
  @ApiCreatedResponse({ type: IssuedKeyDto })
  @ApiErrorResponses(400, 401, 403, 404, 409, 422)
  issue(
    @Req() request: AuthenticatedRequest,
    @Param() params: PartnerIdParamDto,
    @Headers('idempotency-key') key: string | undefined,
    @Body() body: IssueKeyDto,
  ): Promise<IssuedKeyDto> {
    return this.issueKey.execute(adminActorOf(request), params.id, key, body);
  }

  @Get()
  @OperatorAuth('admin')
  @ApiOperation({
    summary: "The partner's credentials",
    description: 'API keys and OAuth clients; never a secret.',
  })
  @ApiOkResponse({ type: CredentialListDto })
  @ApiErrorResponses(400, 401, 403, 404)
  async list(@Param() params: PartnerIdParamDto): Promise<CredentialListDto> {
    return { items: await this.admin.listCredentials(params.id) };
  }

  @Post(':keyId/revoke')
  @HttpCode(200)
  @OperatorAuth('admin')
  @ApiOperation({
    summary: 'Revoke a credential',
    description: 'It stops working within seconds; revoking again changes nothing. Audited.',
  })
  @ApiOkResponse({ type: CredentialDto })
  @ApiErrorResponses(400, 401, 403, 404)
  revoke(@Req() request: AuthenticatedRequest, @Param() params: PartnerKeyParamDto): Promise<CredentialDto> {
    return this.admin.revokeCredential(params.id, params.keyId, adminActorOf(request));
  }

  @Post(':keyId/rotate')
  @OperatorAuth('admin')
  @ApiOperation({
    summary: 'Rotate an API key',
    description:
      'Issues a new key with the same scopes (in this answer only); the old key keeps working for ' +
      '`overlapSeconds` (default 24 h), then answers 401. Audited.',
  })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiBody({ type: RotateKeyDto, examples: { oneHour: { value: { overlapSeconds: 3600 } } } })
  @ApiCreatedResponse({ type: RotatedKeyDto })
  @ApiErrorResponses(400, 401, 403, 404, 409, 422)
  rotate(
    @Req() request: AuthenticatedRequest,
    @Param() params: PartnerKeyParamDto,
    @Headers('idempotency-key') key: string | undefined,
    @Body() body: RotateKeyDto,
  ): Promise<RotatedKeyDto> {
    return this.rotateKey.execute(
      adminActorOf(request),
      { partnerId: params.id, keyId: params.keyId },
      key,
      body,
    );
  }
}
