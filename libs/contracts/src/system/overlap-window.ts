import {
  changeFingerprint,
  type ChangeCursor,
  isAfterCursor,
  MAX_SEEN_CHANGES,
  type SeenChange,
} from './change-cursor.js';

export interface FeedChange {
  externalId: string;
  sourceVersion: string;
}

/**
 * What a feed re-reading the overlap window behind a cursor still has to deliver: everything after the
 * cursor, and inside the window every (id, modstamp) pair the cursor has not seen, such as a record
 * committed late with an old timestamp. A version-1 cursor (no `seen`) keeps the old rule.
 */
export class OverlapWindow {
  private readonly seen: Set<string>;
  private readonly start: number;

  constructor(
    private readonly cursor: ChangeCursor | undefined,
    private readonly overlapMs: number,
  ) {
    this.seen = new Set((cursor?.seen ?? []).map((entry) => entry.fp));
    const windowStart = cursor ? Date.parse(cursor.modstamp) - overlapMs : 0;
    this.start = Math.max(windowStart, cursor?.floor ? Date.parse(cursor.floor) : windowStart);
  }

  /** Whether this change still has to be delivered. */
  isUnseen(change: FeedChange): boolean {
    const { cursor } = this;
    if (!cursor || isAfterCursor(cursor, change.sourceVersion, change.externalId)) return true;
    if (cursor.seen === undefined || Date.parse(change.sourceVersion) < this.start) return false;
    return !this.seen.has(changeFingerprint(change.externalId, change.sourceVersion));
  }

  /**
   * The cursor after delivering `delivered` (in feed order): its position is the furthest change ever
   * delivered, and `seen` keeps what lies inside the new window, newest first, cut to its bound.
   */
  next(delivered: FeedChange[], start: ChangeCursor): ChangeCursor {
    let position = this.cursor ?? start;
    for (const change of delivered) {
      if (isAfterCursor(position, change.sourceVersion, change.externalId)) {
        position = { modstamp: change.sourceVersion, id: change.externalId };
      }
    }
    const at = Date.parse(position.modstamp);
    const base = Date.parse(this.cursor?.modstamp ?? position.modstamp);
    const entries: SeenChange[] = [
      ...(this.cursor?.seen ?? []).map((entry) => ({ fp: entry.fp, ageMs: entry.ageMs + (at - base) })),
      ...delivered.map((change) => ({
        fp: changeFingerprint(change.externalId, change.sourceVersion),
        ageMs: at - Date.parse(change.sourceVersion),
      })),
    ].filter((entry) => entry.ageMs <= this.overlapMs);
    entries.sort((a, b) => a.ageMs - b.ageMs);
    const kept = entries.slice(0, MAX_SEEN_CHANGES);
    const cut = entries.length > kept.length;
    const oldest = kept.at(-1);
    const previousFloor =
      this.cursor?.floor && Date.parse(this.cursor.floor) >= at - this.overlapMs
        ? this.cursor.floor
        : undefined;
    const floor = cut && oldest ? new Date(at - oldest.ageMs).toISOString() : previousFloor;
    return {
      modstamp: position.modstamp,
      id: position.id,
      ...(position.token !== undefined ? { token: position.token } : {}),
      seen: kept,
      ...(floor ? { floor } : {}),
    };
  }
}
