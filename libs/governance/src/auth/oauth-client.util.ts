import { randomBytes } from 'node:crypto';
import { hashSecret } from './api-key.util.js';

const CLIENT_ID = /^cci_[a-z0-9]{16}$/;

/** An OAuth2 client: a public `cci_` ID and a 256-bit `ccs_` secret of which only a hash is kept. */
export function generateClientCredentials(): { clientId: string; clientSecret: string; secretHash: string } {
  const id = randomBytes(12)
    .toString('base64url')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '0')
    .slice(0, 16);
  const secret = randomBytes(32).toString('base64url');
  return { clientId: `cci_${id}`, clientSecret: `ccs_${secret}`, secretHash: hashSecret(secret) };
}

export function isClientId(candidate: string): boolean {
  return CLIENT_ID.test(candidate);
}

/** The secret part of a `ccs_` client secret, or undefined for anything else. */
export function clientSecretPart(candidate: string): string | undefined {
  const match = /^ccs_([A-Za-z0-9_-]{43})$/.exec(candidate);
  return match?.[1];
}
