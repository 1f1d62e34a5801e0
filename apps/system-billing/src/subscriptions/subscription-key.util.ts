import { createHash } from 'node:crypto';

const MAX_KEY_LENGTH = 255;
/** Namespace of subscription keys in name-based UUIDs (RFC 9562 version 5). */
const NAMESPACE = Buffer.from('0f5f1c3e8d6a4b7c9e2d1a0b3c4d5e6f', 'hex');

/**
 * The `xref` table keys canonical records by UUID; a subscription key (a CRM contract ID, say) is
 * turned into one deterministically, so the same key always meets the same row.
 */
export function subscriptionUuidOf(subscriptionKey: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(subscriptionKey, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The vendor idempotency key of a subscription create: deterministic in the subscription key and the
 * caller's key, so a create repeated after a lost answer is replayed by the vendor instead of run twice.
 */
export function subscriptionWriteKey(subscriptionKey: string, requestKey: string): string {
  const key = `concord:subscription:${subscriptionKey}:${requestKey}`;
  return key.length <= MAX_KEY_LENGTH
    ? key
    : `concord:subscription:${subscriptionKey}:${createHash('sha256').update(requestKey).digest('hex')}`;
}
