import { type ExceptionRow } from './exception-reads.repository.js';
import { type ExceptionSummaryDto } from './exception-views.dto.js';

const MESSAGE_LENGTH = 300;

export function toSummary(row: ExceptionRow): ExceptionSummaryDto {
  return {
    id: row.id,
    category: row.category,
    status: row.status,
    domain: row.domain,
    system: row.system,
    entityId: row.entity_id,
    correlationId: row.correlation_id,
    errorMessage: errorMessageOf(row.error),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The one-line reason of the vendor answer, when the stored error has one. */
export function errorMessageOf(error: unknown): string | null {
  if (typeof error === 'string') return error.slice(0, MESSAGE_LENGTH);
  if (typeof error !== 'object' || error === null) return null;
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' ? message.slice(0, MESSAGE_LENGTH) : null;
}
