import { Injectable } from '@nestjs/common';
import { CredentialStore, PartnerTokenService } from '@concord/governance';
import { clientAuthenticationOf } from './client-authentication.util.js';

export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope';

export type TokenResult =
  | { ok: true; body: { access_token: string; token_type: 'Bearer'; expires_in: number; scope: string } }
  | {
      ok: false;
      status: 400 | 401;
      body: { error: OAuthErrorCode; error_description: string };
      basic: boolean;
    };

const fail = (status: 400 | 401, error: OAuthErrorCode, description: string, basic = false): TokenResult => ({
  ok: false,
  status,
  body: { error, error_description: description },
  basic,
});

/** RFC 6749 §4.4: the client-credentials grant, answered with a short-lived partner access token. */
@Injectable()
export class IssueTokenUseCase {
  constructor(
    private readonly credentials: CredentialStore,
    private readonly tokens: PartnerTokenService,
  ) {}

  async execute(authorization: string | undefined, body: Record<string, unknown>): Promise<TokenResult> {
    const auth = clientAuthenticationOf(authorization, body);
    if (auth.kind === 'malformed') return fail(400, 'invalid_request', auth.reason);
    if (typeof body.grant_type !== 'string')
      return fail(400, 'invalid_request', 'grant_type is required once');
    if (body.grant_type !== 'client_credentials')
      return fail(400, 'unsupported_grant_type', 'Only grant_type=client_credentials is supported');
    if (body.scope !== undefined && typeof body.scope !== 'string')
      return fail(400, 'invalid_request', 'scope must be given once');
    if (auth.kind === 'missing') return fail(401, 'invalid_client', 'Client authentication is required');
    const client = await this.credentials.verifyClient(auth.clientId, auth.clientSecret);
    if (!client) return fail(401, 'invalid_client', 'Unknown client or wrong secret', auth.viaBasic);
    if (!client.partnerActive) return fail(400, 'invalid_grant', 'The partner of this client is suspended');
    const requested = body.scope === undefined ? client.scopes : body.scope.split(' ').filter(Boolean);
    const refused = requested.filter((scope) => !client.scopes.includes(scope));
    if (refused.length > 0 || requested.length === 0)
      return fail(
        400,
        'invalid_scope',
        `Not granted to this client: ${refused.join(' ') || '(empty scope)'}`,
      );
    const scopes = [...new Set(requested)];
    const token = await this.tokens.issue({
      partnerId: client.partnerId,
      credentialId: client.credentialId,
      clientId: auth.clientId,
      scopes,
    });
    return {
      ok: true,
      body: {
        access_token: token,
        token_type: 'Bearer',
        expires_in: this.tokens.ttlSeconds,
        scope: scopes.join(' '),
      },
    };
  }
}
