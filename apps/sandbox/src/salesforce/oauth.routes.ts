import { createHmac } from 'node:crypto';
import { type FastifyInstance, type FastifyRequest } from 'fastify';
import { decodeJwt, decodeProtectedHeader, importSPKI, jwtVerify, type JWTPayload } from 'jose';
import { type SalesforceSandbox } from './salesforce.state.js';

export const SALESFORCE_CLIENT_ID = 'concord';
export const SALESFORCE_CLIENT_SECRET = 'concord-secret';
const JWT_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const MAX_ASSERTION_LIFETIME_S = 180;
const LOGIN_AUDIENCES = ['https://login.salesforce.com', 'https://test.salesforce.com'];

export interface SalesforceOAuthOptions {
  /** PEM (SPKI) of the connected app's certificate; without it the signature is not checked. */
  jwtPublicKeyPem?: string;
}

class OAuthError extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
    readonly status = 400,
  ) {
    super(description);
  }
}

function clientCredentials(request: FastifyRequest, body: Record<string, string>): [string?, string?] {
  const basic = request.headers.authorization;
  if (basic?.startsWith('Basic ')) {
    const [id, secret] = Buffer.from(basic.slice(6), 'base64').toString('utf8').split(':');
    return [id, secret];
  }
  return [body.client_id, body.client_secret];
}

async function verifyAssertion(
  assertion: string,
  origin: string,
  options: SalesforceOAuthOptions,
): Promise<JWTPayload> {
  let payload: JWTPayload;
  try {
    if (decodeProtectedHeader(assertion).alg !== 'RS256') throw new Error('alg');
    if ((assertion.split('.')[2] ?? '') === '') throw new Error('unsigned');
    payload = decodeJwt(assertion);
  } catch {
    throw new OAuthError('invalid_grant', 'invalid assertion');
  }
  if (options.jwtPublicKeyPem !== undefined) {
    const key = await importSPKI(options.jwtPublicKeyPem, 'RS256');
    await jwtVerify(assertion, key, { algorithms: ['RS256'] }).catch(() => {
      throw new OAuthError('invalid_grant', 'invalid assertion');
    });
  }
  if (payload.iss !== SALESFORCE_CLIENT_ID)
    throw new OAuthError('invalid_client_id', 'client identifier invalid');
  if (typeof payload.sub !== 'string' || payload.sub === '')
    throw new OAuthError('invalid_grant', 'invalid assertion');
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (
    !audiences.some(
      (aud) => aud !== undefined && [...LOGIN_AUDIENCES, origin].includes(aud.replace(/\/$/, '')),
    )
  ) {
    throw new OAuthError('invalid_grant', 'audience is invalid');
  }
  const now = Math.floor(Date.now() / 1000);
  if (typeof payload.exp !== 'number' || payload.exp <= now)
    throw new OAuthError('invalid_grant', 'expired authorization code');
  if (payload.exp > now + MAX_ASSERTION_LIFETIME_S) {
    throw new OAuthError('invalid_grant', 'invalid assertion: exp is more than 3 minutes in the future');
  }
  return payload;
}

export function registerOAuthRoutes(
  app: FastifyInstance,
  sandbox: SalesforceSandbox,
  options: SalesforceOAuthOptions,
): void {
  app.post('/services/oauth2/token', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, string>;
    const origin = `${request.protocol}://${request.host}`;
    try {
      if (body.grant_type === 'client_credentials') {
        const [id, secret] = clientCredentials(request, body);
        if (id !== SALESFORCE_CLIENT_ID || secret !== SALESFORCE_CLIENT_SECRET) {
          throw new OAuthError('invalid_client', 'invalid client credentials');
        }
      } else if (body.grant_type === JWT_GRANT) {
        await verifyAssertion(body.assertion ?? '', origin, options);
      } else {
        throw new OAuthError('unsupported_grant_type', 'grant type not supported');
      }
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error;
      return reply.code(error.status).send({ error: error.error, error_description: error.description });
    }
    const issuedAt = String(Date.now());
    const id = `${origin}/id/${sandbox.orgId}/${sandbox.userId}`;
    return {
      access_token: sandbox.issueToken(),
      signature: createHmac('sha256', SALESFORCE_CLIENT_SECRET)
        .update(id + issuedAt)
        .digest('base64'),
      scope: 'api',
      instance_url: origin,
      id,
      token_type: 'Bearer',
      issued_at: issuedAt,
    };
  });
}
