import { createHash } from 'node:crypto';
import { type DataSource, type EntityManager } from 'typeorm';
import { updateRows } from './update-rows.util.js';

export type IdempotencyClaim =
  | { kind: 'claimed'; token: string }
  | { kind: 'replay'; status: number; body: unknown }
  | { kind: 'mismatch' }
  | { kind: 'in_progress' };

/** Stable hash of a request body: same content in any key order hashes the same. */
export function hashRequest(body: unknown): string {
  return createHash('sha256').update(stableStringify(body)).digest('hex');
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * `(scope, key)` is the primary key, so two concurrent first requests cannot both claim it:
 * the loser sees `in_progress` (→ 409), a later retry sees the stored answer. A claim still in
 * progress after `leaseSeconds` belongs to a process that died mid-request: the next request with
 * that key takes it over, so a crash never locks a key for the whole TTL.
 */
export class IdempotencyRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ttlHours = 24,
    private readonly leaseSeconds = 60,
  ) {}

  async claim(scope: string, key: string, requestHash: string): Promise<IdempotencyClaim> {
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotency_key (scope, key, request_hash, state, expires_at)
       VALUES ($1, $2, $3, 'in_progress', now() + make_interval(hours => $4))
       ON CONFLICT (scope, key) DO UPDATE
         SET request_hash = EXCLUDED.request_hash, state = 'in_progress', response_status = NULL,
             response_body = NULL, created_at = now(), expires_at = EXCLUDED.expires_at
         WHERE idempotency_key.expires_at < now()
            OR (idempotency_key.state = 'in_progress'
                AND idempotency_key.request_hash = EXCLUDED.request_hash
                AND idempotency_key.created_at < now() - make_interval(secs => $5))
       RETURNING created_at::text AS token`,
      [scope, key, requestHash, this.ttlHours, this.leaseSeconds],
    );
    const claimed = inserted[0] as { token: string } | undefined;
    if (claimed) return { kind: 'claimed', token: claimed.token };
    const rows: Array<{
      request_hash: string;
      state: string;
      response_status: number | null;
      response_body: unknown;
    }> = await this.dataSource.query(
      `SELECT request_hash, state, response_status, response_body FROM idempotency_key WHERE scope = $1 AND key = $2`,
      [scope, key],
    );
    const row = rows[0];
    if (!row) return this.claim(scope, key, requestHash);
    if (row.request_hash !== requestHash) return { kind: 'mismatch' };
    if (row.state !== 'completed' || row.response_status === null) return { kind: 'in_progress' };
    return { kind: 'replay', status: row.response_status, body: row.response_body };
  }

  async complete(scope: string, key: string, status: number, body: unknown): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_key SET state = 'completed', response_status = $3, response_body = $4
        WHERE scope = $1 AND key = $2`,
      [scope, key, status, JSON.stringify(body ?? null)],
    );
  }

  /**
   * Completes inside the write's own transaction, fenced by the claim's token: when another request
   * took the key over after its lease, this throws and the transaction (the write) rolls back.
   */
  async completeClaim(
    manager: EntityManager,
    claim: { scope: string; key: string; token: string },
    status: number,
    body: unknown,
  ): Promise<void> {
    const updated = await updateRows<{ key: string }>(
      manager,
      `UPDATE idempotency_key SET state = 'completed', response_status = $4, response_body = $5
        WHERE scope = $1 AND key = $2 AND state = 'in_progress' AND created_at = $3::timestamptz
        RETURNING key`,
      [claim.scope, claim.key, claim.token, status, JSON.stringify(body ?? null)],
    );
    if (updated.length === 0) {
      throw new Error(`idempotency key ${claim.key} was taken over by another request`);
    }
  }

  /** Frees a key whose request failed before any effect, so the client may retry it. */
  async release(scope: string, key: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM idempotency_key WHERE scope = $1 AND key = $2 AND state = 'in_progress'`,
      [scope, key],
    );
  }
}
