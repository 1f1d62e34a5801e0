import { jwtVerify, SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { type Principal } from './auth-policy.js';

const ALGORITHM = 'HS256';
const ISSUER = 'concord:experience-partner';
const AUDIENCE = 'concord:partner-api';

export interface PartnerTokenSubject {
  partnerId: string;
  credentialId: string;
  clientId: string;
  scopes: string[];
}

type PartnerPrincipal = Extract<Principal, { kind: 'partner' }>;

/**
 * Short-lived access tokens of the OAuth2 client-credentials grant. The token carries the partner and
 * its granted scopes, so the partner API accepts it like an API key without a database read; its
 * audience keeps it from being mistaken for a service token.
 */
export class PartnerTokenService {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    readonly ttlSeconds = 900,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async issue(subject: PartnerTokenSubject): Promise<string> {
    return new SignJWT({
      scope: subject.scopes.join(' '),
      client_id: subject.clientId,
      cid: subject.credentialId,
    })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'at+jwt' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject(subject.partnerId)
      .setJti(randomUUID())
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(this.key);
  }

  /** The partner the token names, or undefined when it is not a valid, unexpired partner token. */
  async verify(token: string): Promise<PartnerPrincipal | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: [ALGORITHM],
        issuer: ISSUER,
        audience: AUDIENCE,
        clockTolerance: 5,
      });
      if (
        typeof payload.sub !== 'string' ||
        typeof payload.scope !== 'string' ||
        typeof payload.cid !== 'string'
      )
        return undefined;
      return {
        kind: 'partner',
        partnerId: payload.sub,
        credentialId: payload.cid,
        scopes: payload.scope.split(' ').filter(Boolean),
      };
    } catch {
      return undefined;
    }
  }
}
