import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type FastifyRequest } from 'fastify';
import { ErrorCode } from '@concord/contracts';
import { ConcordException } from '../errors/concord.exception.js';
import { parseApiKey } from './api-key.util.js';
import { AUTH_POLICY, type AuthPolicy, type Layer, type Principal, ROLE_RANK } from './auth-policy.js';
import { type CredentialStore } from './credential.store.js';
import { type PartnerTokenService } from './partner-token.service.js';
import { looksLikeJwt, type ServiceTokenVerifier } from './service-token.service.js';

type ConcretePolicy = Exclude<AuthPolicy, { kind: 'public' } | { kind: 'internal' }>;

export type AuthenticatedRequest = FastifyRequest & { principal?: Principal };

function unauthenticated(message: string): ConcordException {
  return new ConcordException(ErrorCode.UNAUTHENTICATED, message, [], { 'www-authenticate': 'Bearer' });
}

function forbidden(message: string): ConcordException {
  return new ConcordException(ErrorCode.FORBIDDEN, message);
}

/**
 * The one guard of every app. Each route must declare its policy; a route without one is refused,
 * so forgetting a decorator can never open an endpoint.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly policies = new WeakMap<object, AuthPolicy | undefined>();

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: ServiceTokenVerifier,
    private readonly credentials: CredentialStore,
    private readonly layer: Layer,
    private readonly partnerTokens?: PartnerTokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.policyOf(context);
    if (!policy) throw forbidden('This route declares no access policy');
    if (policy.kind === 'public') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(request);
    if (!token) throw unauthenticated('Missing bearer credentials');
    request.principal = await this.authenticate(
      policy.kind === 'internal' ? this.internalPolicy() : policy,
      token,
    );
    return true;
  }

  /** Route metadata never changes at run time, so each handler's policy is read once. */
  private policyOf(context: ExecutionContext): AuthPolicy | undefined {
    const handler = context.getHandler();
    if (this.policies.has(handler)) return this.policies.get(handler);
    const policy = this.reflector.getAllAndOverride<AuthPolicy | undefined>(AUTH_POLICY, [
      handler,
      context.getClass(),
    ]);
    this.policies.set(handler, policy);
    return policy;
  }

  /** The layer directly above: service tokens below the edge, operators at the experience edge. */
  private internalPolicy(): ConcretePolicy {
    return this.layer === 'experience' ? { kind: 'operator', role: 'viewer' } : { kind: 'service' };
  }

  private async authenticate(policy: ConcretePolicy, token: string): Promise<Principal> {
    const apiKey = parseApiKey(token);
    switch (policy.kind) {
      case 'service': {
        if (apiKey) throw forbidden('This API accepts service tokens only');
        const issuer = looksLikeJwt(token) ? await this.verifier.verify(token) : undefined;
        if (!issuer) throw unauthenticated('Invalid or expired service token');
        return { kind: 'service', issuer };
      }
      case 'partner': {
        // An API key, or an access token of the client-credentials grant.
        if (!apiKey && !looksLikeJwt(token)) throw unauthenticated('Invalid credentials');
        const principal = apiKey
          ? await this.credentials.verify(token)
          : await this.partnerTokens?.verify(token);
        if (!principal) throw unauthenticated('Invalid, revoked or expired credentials');
        if (principal.kind !== 'partner') throw forbidden('This API is for partner credentials');
        const missing = policy.scopes.filter((scope) => !principal.scopes.includes(scope));
        if (missing.length > 0) throw forbidden(`Missing scope: ${missing.join(', ')}`);
        return principal;
      }
      case 'operator': {
        if (!apiKey) throw unauthenticated('Invalid credentials');
        const principal = await this.credentials.verify(token);
        if (!principal) throw unauthenticated('Invalid or revoked API key');
        if (principal.kind !== 'operator') throw forbidden('This API is for operator credentials');
        if (ROLE_RANK[principal.role] < ROLE_RANK[policy.role])
          throw forbidden(`Requires role ${policy.role}`);
        return principal;
      }
    }
  }
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match?.[1];
}
