import { randomUUID } from 'node:crypto';
import { type FastifyInstance } from 'fastify';
import { type BusinessCentralSandbox } from './business-central.state.js';
import { TENANT } from './odata.routes.js';

export const BC_CLIENT_ID = 'concord';
export const BC_CLIENT_SECRET = 'concord-secret';
export const BC_SCOPE = 'https://api.businesscentral.dynamics.com/.default';

function entraError(error: string, code: number, description: string): Record<string, unknown> {
  return {
    error,
    error_description: `AADSTS${code}: ${description}`,
    error_codes: [code],
    timestamp: new Date().toISOString().replace('T', ' ').slice(0, 19) + 'Z',
    trace_id: randomUUID(),
    correlation_id: randomUUID(),
  };
}

/** Entra ID client-credentials token endpoint for the sandbox tenant. */
export function registerOAuthRoutes(app: FastifyInstance, state: BusinessCentralSandbox): void {
  app.post<{ Params: { tenant: string } }>('/:tenant/oauth2/v2.0/token', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, string>;
    if (request.params.tenant !== TENANT) {
      return reply
        .code(400)
        .send(entraError('invalid_request', 90002, `Tenant '${request.params.tenant}' not found.`));
    }
    if (body.grant_type !== 'client_credentials') {
      return reply
        .code(400)
        .send(entraError('unsupported_grant_type', 70003, 'The app requested an unsupported grant type.'));
    }
    if (!body.scope) {
      return reply
        .code(400)
        .send(
          entraError(
            'invalid_request',
            900144,
            "The request body must contain the following parameter: 'scope'.",
          ),
        );
    }
    if (body.scope !== BC_SCOPE) {
      return reply
        .code(400)
        .send(
          entraError(
            'invalid_scope',
            70011,
            `The provided value for the input parameter 'scope' is not valid. The scope ${body.scope} is not valid.`,
          ),
        );
    }
    if (body.client_id !== BC_CLIENT_ID) {
      return reply
        .code(400)
        .send(
          entraError(
            'unauthorized_client',
            700016,
            `Application with identifier '${body.client_id ?? ''}' was not found in the directory.`,
          ),
        );
    }
    if (body.client_secret !== BC_CLIENT_SECRET) {
      return reply.code(401).send(entraError('invalid_client', 7000215, 'Invalid client secret provided.'));
    }
    const expiresIn = state.limitsRegistry.get('tokenTtlSeconds');
    return {
      token_type: 'Bearer',
      expires_in: expiresIn,
      ext_expires_in: expiresIn,
      access_token: state.issueToken(),
    };
  });
}
