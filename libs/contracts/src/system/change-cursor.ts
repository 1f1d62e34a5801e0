import { createHash } from 'node:crypto';

/**
 * Position in a change feed: the last (modstamp, id) pair delivered. Feeds read from
 * `modstamp - overlap`, so records sharing a timestamp across a page boundary are never missed, and
 * (version 2) carry the changes already delivered inside that overlap window in `seen`, so a record
 * committed late with a timestamp inside the window is delivered once instead of being skipped.
 */
export interface ChangeCursor {
  /** ISO 8601 instant of the last delivered change. */
  modstamp: string;
  /** Vendor ID of the last delivered record at that instant. */
  id: string;
  /** Vendor-specific continuation (e.g. a delta link), when the vendor has one. */
  token?: string;
  /** Changes delivered inside the overlap window: fingerprint and age behind `modstamp` in ms. */
  seen?: SeenChange[];
  /** When `seen` was cut to its bound: changes older than this instant count as delivered. */
  floor?: string;
}

export interface SeenChange {
  fp: string;
  ageMs: number;
}

/** At most this many delivered changes travel in a cursor (about 13 characters each, before base64). */
export const MAX_SEEN_CHANGES = 300;
const FINGERPRINT = /^[A-Za-z0-9_-]{8}$/;

/** A short, stable fingerprint of one delivered (id, modstamp) pair. */
export function changeFingerprint(id: string, modstamp: string): string {
  return createHash('sha256')
    .update(`${id}\n${Date.parse(modstamp)}`)
    .digest('base64url')
    .slice(0, 8);
}

interface WireCursor {
  v?: number;
  modstamp?: unknown;
  id?: unknown;
  token?: unknown;
  s?: unknown;
  f?: unknown;
}

export function encodeCursor(cursor: ChangeCursor): string {
  const wire: Record<string, unknown> = { modstamp: cursor.modstamp, id: cursor.id };
  if (cursor.token !== undefined) wire.token = cursor.token;
  if (cursor.seen !== undefined) {
    wire.v = 2;
    wire.s = cursor.seen.map((entry) => `${entry.fp}${entry.ageMs.toString(36)}`);
    if (cursor.floor !== undefined) wire.f = cursor.floor;
  }
  return Buffer.from(JSON.stringify(wire)).toString('base64url');
}

function decodeSeen(raw: unknown): SeenChange[] | undefined {
  if (!Array.isArray(raw) || raw.length > MAX_SEEN_CHANGES) return undefined;
  const seen: SeenChange[] = [];
  for (const entry of raw) {
    if (typeof entry !== 'string' || !FINGERPRINT.test(entry.slice(0, 8))) return undefined;
    const ageMs = Number.parseInt(entry.slice(8), 36);
    if (!/^[0-9a-z]+$/.test(entry.slice(8)) || !Number.isSafeInteger(ageMs)) return undefined;
    seen.push({ fp: entry.slice(0, 8), ageMs });
  }
  return seen;
}

/** Undefined for an absent cursor; throws on a malformed one so callers answer 400. */
export function decodeCursor(encoded: string | undefined): ChangeCursor | undefined {
  if (!encoded) return undefined;
  let parsed: WireCursor;
  try {
    parsed = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as WireCursor;
  } catch {
    throw new InvalidCursorError();
  }
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    typeof parsed.modstamp !== 'string' ||
    Number.isNaN(Date.parse(parsed.modstamp)) ||
    typeof parsed.id !== 'string'
  ) {
    throw new InvalidCursorError();
  }
  const cursor: ChangeCursor = {
    modstamp: parsed.modstamp,
    id: parsed.id,
    ...(typeof parsed.token === 'string' ? { token: parsed.token } : {}),
  };
  if (parsed.v === 2) {
    const seen = decodeSeen(parsed.s);
    if (!seen) throw new InvalidCursorError();
    cursor.seen = seen;
    if (typeof parsed.f === 'string' && !Number.isNaN(Date.parse(parsed.f))) cursor.floor = parsed.f;
  }
  return cursor;
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
