/**
 * Position in a change feed: the last (modstamp, id) pair delivered. Feeds read from
 * `modstamp - overlap` and skip what the cursor already covers, so records sharing a timestamp
 * across a page boundary, or committed while a page was read, are never missed; the few repeats
 * the overlap yields are dropped by the inbox.
 */
export interface ChangeCursor {
  /** ISO 8601 instant of the last delivered change. */
  modstamp: string;
  /** Vendor ID of the last delivered record at that instant. */
  id: string;
  /** Vendor-specific continuation (e.g. a delta link), when the vendor has one. */
  token?: string;
}

export function encodeCursor(cursor: ChangeCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/** Undefined for an absent cursor; throws on a malformed one so callers answer 400. */
export function decodeCursor(encoded: string | undefined): ChangeCursor | undefined {
  if (!encoded) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  const candidate = parsed as Partial<ChangeCursor>;
  if (
    typeof candidate.modstamp !== 'string' ||
    Number.isNaN(Date.parse(candidate.modstamp)) ||
    typeof candidate.id !== 'string'
  ) {
    throw new InvalidCursorError();
  }
  return {
    modstamp: candidate.modstamp,
    id: candidate.id,
    ...(typeof candidate.token === 'string' ? { token: candidate.token } : {}),
  };
}

/** Whether a change at (modstamp, id) comes after the cursor in feed order. */
export function isAfterCursor(cursor: ChangeCursor | undefined, modstamp: string, id: string): boolean {
  if (!cursor) return true;
  const delta = Date.parse(modstamp) - Date.parse(cursor.modstamp);
  return delta > 0 || (delta === 0 && id > cursor.id);
}

export class InvalidCursorError extends Error {
  constructor() {
    super('cursor is not one this feed issued');
    this.name = 'InvalidCursorError';
  }
}
