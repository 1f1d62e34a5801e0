import { decodeCursor, encodeCursor, ErrorCode, InvalidCursorError } from '@concord/contracts';
import { ConcordException } from '@concord/governance';
import { type FlowPosition } from './partner-flow.repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// PostgreSQL keeps microseconds; the cursor carries them so flows started in the same millisecond
// are neither skipped nor repeated across pages.
const MICROSECOND_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export function encodeFlowCursor(position: FlowPosition): string {
  return encodeCursor({ modstamp: position.createdAt, id: position.id });
}

/** Undefined when absent; a cursor this API did not issue is a 400 on `cursor`. */
export function decodeFlowCursor(encoded: string | undefined): FlowPosition | undefined {
  try {
    const cursor = decodeCursor(encoded);
    if (!cursor) return undefined;
    if (!MICROSECOND_INSTANT.test(cursor.modstamp) || !UUID.test(cursor.id)) throw new InvalidCursorError();
    return { createdAt: cursor.modstamp, id: cursor.id };
  } catch (error) {
    if (!(error instanceof InvalidCursorError)) throw error;
    throw new ConcordException(ErrorCode.VALIDATION_FAILED, 'Request failed validation', [
      { path: 'cursor', message: error.message, constraint: 'isCursor' },
    ]);
  }
}
