import { createHash } from 'node:crypto';

const MAX_KEY_LENGTH = 255;

/**
 * The vendor idempotency key of a customer write: deterministic in the canonical ID and the caller's
 * key, so a create repeated after a lost answer is replayed by the vendor instead of run twice.
 */
export function customerWriteKey(concordId: string, requestKey: string): string {
  const key = `concord:customer:${concordId}:${requestKey}`;
  return key.length <= MAX_KEY_LENGTH
    ? key
    : `concord:customer:${concordId}:${createHash('sha256').update(requestKey).digest('hex')}`;
}

/** Batch items carry no Idempotency-Key: the body itself keys the write. */
export function batchItemKey(body: unknown): string {
  return `batch-${createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 32)}`;
}
