import {
  type ChangeCursor,
  decodeCursor,
  encodeCursor,
  ErrorCode,
  InvalidCursorError,
  OverlapWindow,
} from '@concord/contracts';
import { ConcordException } from '@concord/governance';
import { type ChangeScanPosition } from '../customers/crm-customers.port.js';

/** Re-read this far behind the cursor, for changes that share its timestamp or committed late. */
export const OVERLAP_MS = 5_000;
const FEED_START: ChangeCursor = { modstamp: new Date(0).toISOString(), id: '' };

export interface ScannedChange {
  sourceVersion: string;
  externalId: string;
}

export interface ChangePage<T> {
  changes: T[];
  nextCursor: string;
  hasMore: boolean;
}

function parseCursor(encoded: string | undefined): ChangeCursor | undefined {
  try {
    return decodeCursor(encoded);
  } catch (error) {
    if (!(error instanceof InvalidCursorError)) throw error;
    throw new ConcordException(ErrorCode.VALIDATION_FAILED, 'cursor is malformed', [
      { path: 'cursor', message: error.message },
    ]);
  }
}

/**
 * One page of a (modstamp, id)-ordered feed after `encodedCursor`: re-reads the overlap window behind
 * the cursor and drops what the cursor says was already delivered, so a change committed late with a
 * timestamp inside the window is delivered once, and nothing is delivered twice.
 */
export async function readChangePage<T extends ScannedChange>(
  read: (position: ChangeScanPosition, limit: number) => Promise<T[]>,
  encodedCursor: string | undefined,
  limit: number,
): Promise<ChangePage<T>> {
  const cursor = parseCursor(encodedCursor);
  const overlap = new OverlapWindow(cursor, OVERLAP_MS);
  const fresh: T[] = [];
  let position: ChangeScanPosition = cursor
    ? { kind: 'from', modstamp: new Date(Date.parse(cursor.modstamp) - OVERLAP_MS).toISOString() }
    : { kind: 'start' };
  // Reading one past the limit tells whether more is waiting; the overlap's repeats are skipped, so
  // keep scanning until the page is full or the feed is exhausted.
  for (;;) {
    const scanned = await read(position, limit + 1);
    for (const change of scanned) {
      if (overlap.isUnseen(change)) fresh.push(change);
    }
    const last = scanned.at(-1);
    if (!last || scanned.length <= limit || fresh.length > limit) break;
    position = { kind: 'after', modstamp: last.sourceVersion, id: last.externalId };
  }
  const changes = fresh.slice(0, limit);
  const next = overlap.next(changes, FEED_START);
  return { changes, nextCursor: encodeCursor(next), hasMore: fresh.length > limit };
}
