import { jwtVerify, SignJWT } from 'jose';
import { type Layer } from './auth-policy.js';

const ALGORITHM = 'HS256';
const ISSUER_PREFIX = 'concord:';

export interface ServiceTokenSettings {
  secret: string;
  /** The app that signs; appears as `iss`. */
  app: string;
  ttlSeconds?: number;
}

/** Signs short-lived tokens whose audience is the layer being called; reuses one until near expiry. */
export class ServiceTokenIssuer {
  private readonly key: Uint8Array;
  private readonly cache = new Map<Layer, { token: string; renewAt: number }>();

  constructor(private readonly settings: ServiceTokenSettings) {
    this.key = new TextEncoder().encode(settings.secret);
  }

  async tokenFor(audience: Layer): Promise<string> {
    const cached = this.cachedTokenFor(audience);
    if (cached) return cached;
    const ttl = this.settings.ttlSeconds ?? 120;
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: ALGORITHM })
      .setIssuer(`${ISSUER_PREFIX}${this.settings.app}`)
      .setAudience(`${ISSUER_PREFIX}${audience}`)
      .setIssuedAt()
      .setExpirationTime(`${ttl}s`)
      .sign(this.key);
    this.cache.set(audience, { token, renewAt: Date.now() + (ttl * 1000) / 2 });
    return token;
  }

  /** The current token for `audience` when one is still fresh, without signing; the hot path of every call. */
  cachedTokenFor(audience: Layer): string | undefined {
    const cached = this.cache.get(audience);
    return cached && cached.renewAt > Date.now() ? cached.token : undefined;
  }
}

/**
 * Accepts only tokens signed with the shared secret, unexpired, and addressed to this layer.
 * Callers reuse a token for its lifetime, so a verified token is remembered until it expires:
 * the signature is checked once per token, not once per request.
 */
export class ServiceTokenVerifier {
  private readonly key: Uint8Array;
  private readonly verified = new Map<string, { issuer: string; expiresAtMs: number }>();

  constructor(
    secret: string,
    private readonly audience: Layer,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  /** Returns the calling app, or undefined when the token is not valid for this layer. */
  async verify(token: string): Promise<string | undefined> {
    const known = this.verified.get(token);
    if (known) {
      if (known.expiresAtMs > Date.now()) return known.issuer;
      this.verified.delete(token);
      return undefined;
    }
    const issuer = await this.verifySignature(token);
    return issuer;
  }

  private async verifySignature(token: string): Promise<string | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: [ALGORITHM],
        audience: `${ISSUER_PREFIX}${this.audience}`,
        clockTolerance: 5,
      });
      if (typeof payload.iss !== 'string' || !payload.iss.startsWith(ISSUER_PREFIX) || !payload.exp)
        return undefined;
      const issuer = payload.iss.slice(ISSUER_PREFIX.length);
      if (this.verified.size >= 1000) this.verified.clear();
      this.verified.set(token, { issuer, expiresAtMs: payload.exp * 1000 });
      return issuer;
    } catch {
      return undefined;
    }
  }
}

export function looksLikeJwt(token: string): boolean {
  return token.split('.').length === 3;
}
