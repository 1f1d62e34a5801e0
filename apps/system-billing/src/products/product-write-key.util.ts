import { createHash } from 'node:crypto';

const MAX_KEY_LENGTH = 255;

/**
 * The vendor idempotency key of a product write: deterministic in the SKU and the caller's key, so
 * a create repeated after a lost answer is replayed by the vendor instead of run twice.
 */
export function productWriteKey(sku: string, requestKey: string): string {
  const key = `concord:product:${sku}:${requestKey}`;
  return key.length <= MAX_KEY_LENGTH
    ? key
    : `concord:product:${sku}:${createHash('sha256').update(requestKey).digest('hex')}`;
}
