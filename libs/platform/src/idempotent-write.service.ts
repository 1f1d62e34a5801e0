import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@concord/contracts';
import { ConcordException } from '@concord/governance';
import { DataSource, type EntityManager, hashRequest, IdempotencyRepository } from '@concord/persistence';

export interface IdempotentResult<T> {
  status: number;
  body: T;
  replayed: boolean;
}

const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,255}$/;

/**
 * Runs a write once per (scope, Idempotency-Key): a retry with the same body gets the stored answer,
 * the same key with another body 422, a concurrent duplicate 409. A failed write frees its key, so
 * the caller can retry; the write itself must be idempotent at the target (upsert by external ID,
 * vendor idempotency key), which is what makes that retry safe.
 */
@Injectable()
export class IdempotentWrite {
  constructor(
    private readonly keys: IdempotencyRepository,
    private readonly dataSource: DataSource,
  ) {}

  run<T>(
    scope: string,
    key: string | undefined,
    body: unknown,
    write: () => Promise<{ status: number; body: T }>,
  ): Promise<IdempotentResult<T>> {
    return this.guarded(scope, key, body, async (claimed) => {
      const result = await write();
      await this.keys.complete(scope, claimed.key, result.status, result.body);
      return result;
    });
  }

  /**
   * For a write that is itself one database transaction: the stored answer commits with it, so a
   * crash leaves both or neither, and a key taken over after its lease never repeats the write.
   */
  runInTransaction<T>(
    scope: string,
    key: string | undefined,
    body: unknown,
    write: (manager: EntityManager) => Promise<{ status: number; body: T }>,
  ): Promise<IdempotentResult<T>> {
    return this.guarded(scope, key, body, (claimed) =>
      this.dataSource.transaction(async (manager) => {
        const result = await write(manager);
        await this.keys.completeClaim(manager, { scope, ...claimed }, result.status, result.body);
        return result;
      }),
    );
  }

  private async guarded<T>(
    scope: string,
    key: string | undefined,
    body: unknown,
    write: (claim: { key: string; token: string }) => Promise<{ status: number; body: T }>,
  ): Promise<IdempotentResult<T>> {
    if (!key || !KEY_PATTERN.test(key)) {
      throw new ConcordException(
        ErrorCode.VALIDATION_FAILED,
        'Idempotency-Key header is required: 8–255 characters of A–Z a–z 0–9 . _ : -',
        [{ path: 'headers.idempotency-key', message: 'missing or malformed' }],
      );
    }
    const claim = await this.keys.claim(scope, key, hashRequest(body));
    switch (claim.kind) {
      case 'replay':
        return { status: claim.status, body: claim.body as T, replayed: true };
      case 'mismatch':
        throw new ConcordException(
          ErrorCode.IDEMPOTENCY_KEY_REUSED,
          'This Idempotency-Key was used with a different request body',
        );
      case 'in_progress':
        throw new ConcordException(
          ErrorCode.IDEMPOTENCY_IN_PROGRESS,
          'A request with this Idempotency-Key is still being processed',
        );
      case 'claimed':
        break;
    }
    try {
      return { ...(await write({ key, token: claim.token })), replayed: false };
    } catch (error) {
      await this.keys.release(scope, key);
      throw error;
    }
  }
}
