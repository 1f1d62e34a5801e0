import { randomBase62 } from '../shared/random.util.js';

export interface QueryCursor {
  rows: Record<string, unknown>[];
  totalSize: number;
  pageSize: number;
  touchedAt: number;
}

// Salesforce drops idle query cursors after about 15 minutes and caps how many a user keeps open.
const CURSOR_IDLE_MS = 15 * 60 * 1000;
const MAX_CURSORS = 500;

export function openCursor(
  cursors: Map<string, QueryCursor>,
  cursor: Omit<QueryCursor, 'touchedAt'>,
): string {
  const now = Date.now();
  for (const [locator, open] of cursors) {
    if (now - open.touchedAt > CURSOR_IDLE_MS || cursors.size >= MAX_CURSORS) cursors.delete(locator);
  }
  const locator = `01g${randomBase62(15)}`;
  cursors.set(locator, { ...cursor, touchedAt: now });
  return locator;
}

export function readCursor(cursors: Map<string, QueryCursor>, locator: string): QueryCursor | undefined {
  const cursor = cursors.get(locator);
  if (!cursor) return undefined;
  if (Date.now() - cursor.touchedAt > CURSOR_IDLE_MS) {
    cursors.delete(locator);
    return undefined;
  }
  cursor.touchedAt = Date.now();
  return cursor;
}

/** One page of a query result in the REST shape; `nextRecordsUrl` is `/services/data/vNN.0/query/<locator>-<offset>`. */
export function queryPage(
  version: string,
  locator: string | undefined,
  cursor: Omit<QueryCursor, 'touchedAt'>,
  offset: number,
): Record<string, unknown> {
  const end = Math.min(offset + cursor.pageSize, cursor.rows.length);
  const done = end >= cursor.rows.length;
  return {
    totalSize: cursor.totalSize,
    done,
    ...(done || locator === undefined
      ? {}
      : { nextRecordsUrl: `/services/data/v${version}/query/${locator}-${end}` }),
    records: cursor.rows.slice(offset, end),
  };
}
