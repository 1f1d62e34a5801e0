import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export type ApiKeyKind = 'partner' | 'operator';

const KIND_PREFIX: Record<ApiKeyKind, string> = { partner: 'cpk', operator: 'cok' };
const KEY_PATTERN = /^(cpk|cok)_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

export interface ParsedApiKey {
  kind: ApiKeyKind;
  prefix: string;
  secret: string;
}

/** `cpk_<lookup id>_<256-bit secret>`: the lookup id finds the row, only a hash of the secret is stored. */
export function generateApiKey(kind: ApiKeyKind): { apiKey: string; prefix: string; secretHash: string } {
  const prefix = randomBytes(9)
    .toString('base64url')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '0')
    .slice(0, 12);
  const secret = randomBytes(32).toString('base64url');
  return { apiKey: `${KIND_PREFIX[kind]}_${prefix}_${secret}`, prefix, secretHash: hashSecret(secret) };
}

export function parseApiKey(candidate: string): ParsedApiKey | undefined {
  const match = KEY_PATTERN.exec(candidate);
  if (!match) return undefined;
  const [, kindPrefix, prefix, secret] = match;
  if (!prefix || !secret) return undefined;
  return { kind: kindPrefix === 'cpk' ? 'partner' : 'operator', prefix, secret };
}

/** The secret is 256 random bits, so a fast hash is enough; no stretching is needed. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const actual = Buffer.from(hashSecret(secret), 'hex');
  const expected = Buffer.from(storedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
