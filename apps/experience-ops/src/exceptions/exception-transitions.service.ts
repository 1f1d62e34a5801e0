import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@concord/contracts';
import { ConcordException } from '@concord/governance';
import { currentCorrelationId } from '@concord/observability';
import { AuditLogRepository, DataSource, type ExceptionStatus } from '@concord/persistence';
import { UUID_PATTERN } from './exception-cursor.util.js';

export type ExceptionAction = 'resolve' | 'discard' | 'retry';

const ACTIONABLE: readonly ExceptionStatus[] = ['open', 'retrying'];

export interface TransitionRequest {
  id: string;
  action: ExceptionAction;
  operatorId: string;
  /** Where the exception goes: `resolved`, `discarded` or `retrying`. */
  target: ExceptionStatus;
  /** Note or reason of the steward, kept in the audit row. */
  detail: Record<string, unknown>;
  /** A steward-edited payload that replaces the stored one for re-submission. */
  editedPayload?: Record<string, unknown>;
}

export type TransitionResult =
  | { ok: true; id: string; status: ExceptionStatus; previousStatus: ExceptionStatus; updatedAt: string }
  | {
      ok: false;
      id: string;
      code: 'NOT_FOUND' | 'CONFLICT';
      message: string;
      currentStatus?: ExceptionStatus;
    };

/**
 * The exception state machine: only open or retrying exceptions can be acted on, and the status
 * change and its audit row commit together or not at all.
 */
@Injectable()
export class ExceptionTransitions {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLogRepository,
  ) {}

  async apply(request: TransitionRequest): Promise<TransitionResult> {
    const { id } = request;
    if (!UUID_PATTERN.test(id)) return notFound(id);
    return this.dataSource.transaction(async (manager) => {
      const rows: Array<{ status: ExceptionStatus; payload: unknown }> = await manager.query(
        `SELECT status, payload FROM sync_exception WHERE id = $1 FOR UPDATE`,
        [id],
      );
      const current = rows[0];
      if (!current) return notFound(id);
      if (!ACTIONABLE.includes(current.status)) {
        return {
          ok: false,
          id,
          code: 'CONFLICT',
          currentStatus: current.status,
          message: `Exception is ${current.status}; only open or retrying exceptions can be ${PAST[request.action]}`,
        };
      }
      const edited = request.editedPayload;
      const updated: Array<{ updated_at: Date }> = await manager.query(
        // Wrapped in a SELECT: the driver answers a bare UPDATE with [rows, count], not rows.
        `WITH changed AS (
           UPDATE sync_exception
              SET status = $2, payload = COALESCE($3::jsonb, payload), updated_at = now()
            WHERE id = $1 RETURNING updated_at)
         SELECT updated_at FROM changed`,
        [id, request.target, edited === undefined ? null : JSON.stringify(edited)],
      );
      await this.audit.append(
        {
          actorType: 'operator',
          actorId: request.operatorId,
          action: `exception.${request.action}`,
          targetType: 'sync_exception',
          targetId: id,
          detail: {
            ...request.detail,
            previousStatus: current.status,
            status: request.target,
            ...(edited === undefined ? {} : { payloadEdited: true, previousPayload: current.payload }),
          },
          correlationId: currentCorrelationId() ?? null,
        },
        manager,
      );
      return {
        ok: true,
        id,
        status: request.target,
        previousStatus: current.status,
        updatedAt: updated[0]!.updated_at.toISOString(),
      };
    });
  }
}

const PAST: Record<ExceptionAction, string> = { resolve: 'resolved', discard: 'discarded', retry: 'retried' };

function notFound(id: string): TransitionResult {
  return { ok: false, id, code: 'NOT_FOUND', message: `No exception has id ${id}` };
}

/** For single-exception routes: a refused transition is the answer's error. */
export function succeededOrThrow(result: TransitionResult): Extract<TransitionResult, { ok: true }> {
  if (result.ok) return result;
  throw new ConcordException(
    result.code === 'NOT_FOUND' ? ErrorCode.NOT_FOUND : ErrorCode.CONFLICT,
    result.message,
    result.currentStatus === undefined
      ? [{ path: 'id', message: result.message }]
      : [{ path: 'status', message: result.message, currentStatus: result.currentStatus }],
  );
}
