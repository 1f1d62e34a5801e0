import { Body, Controller, Headers, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { type FastifyReply } from 'fastify';
import { Public } from '@concord/governance';
import { IssueTokenUseCase } from './issue-token.usecase.js';

class TokenRequestDto {
  @ApiProperty({ enum: ['client_credentials'] })
  grant_type!: string;

  @ApiPropertyOptional({ description: 'Unless sent with HTTP Basic', example: 'cci_4f9k2m0a7b1c3d5e' })
  client_id?: string;

  @ApiPropertyOptional({ description: 'Unless sent with HTTP Basic' })
  client_secret?: string;

  @ApiPropertyOptional({
    description: 'Space-separated; a subset of the client’s scopes',
    example: 'customers:read',
  })
  scope?: string;
}

class TokenResponseDto {
  @ApiProperty({ description: 'A JWT; send it as `Authorization: Bearer <token>`' })
  access_token!: string;

  @ApiProperty({ example: 'Bearer' })
  token_type!: string;

  @ApiProperty({ example: 900 })
  expires_in!: number;

  @ApiProperty({ example: 'customers:read customers:write' })
  scope!: string;
}

class OAuthErrorDto {
  @ApiProperty({
    enum: ['invalid_request', 'invalid_client', 'invalid_grant', 'unsupported_grant_type', 'invalid_scope'],
    example: 'invalid_scope',
  })
  error!: string;

  @ApiProperty({ example: 'Not granted to this client: customers:write' })
  error_description!: string;
}

@ApiTags('oauth')
@Controller('oauth')
export class OAuthController {
  constructor(private readonly issueToken: IssueTokenUseCase) {}

  @Post('token')
  @Public()
  @ApiOperation({
    summary: 'Get an access token (OAuth2 client credentials)',
    // No bearer token: the client authenticates with its own credentials, checked by the route.
    security: [],
    description:
      'RFC 6749 §4.4. Authenticate with HTTP Basic or `client_id`/`client_secret` in the form; the token ' +
      'is accepted like an API key with the granted scopes until it expires. Errors follow RFC 6749 §5.2.',
  })
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody({ type: TokenRequestDto })
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiBadRequestResponse({
    type: OAuthErrorDto,
    description: 'invalid_request, invalid_grant, unsupported_grant_type, invalid_scope',
  })
  @ApiUnauthorizedResponse({ type: OAuthErrorDto, description: 'invalid_client' })
  async token(
    @Headers('authorization') authorization: string | undefined,
    @Body() body: Record<string, unknown> | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const result = await this.issueToken.execute(authorization, body ?? {});
    // Token answers must never be cached (RFC 6749 §5.1).
    void reply.headers({ 'cache-control': 'no-store', pragma: 'no-cache' });
    if (result.ok) return void reply.status(200).send(result.body);
    if (result.basic) void reply.header('www-authenticate', 'Basic realm="concord"');
    return void reply.status(result.status).send(result.body);
  }
}
