import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeCursor, encodeCursor, InvalidCursorError, MAX_SEEN_CHANGES } from './change-cursor.js';
import { OverlapWindow } from './overlap-window.js';

const at = (seconds: number) => new Date(Date.UTC(2026, 11, 1, 10, 0, seconds)).toISOString();
const START = { modstamp: new Date(0).toISOString(), id: '' };
const change = (id: string, seconds: number) => ({ externalId: id, sourceVersion: at(seconds) });

describe('overlap window of a change cursor', () => {
  it('delivers a late commit with an old timestamp inside the window once, and nothing twice', () => {
    const first = new OverlapWindow(undefined, 5_000);
    const page = [change('A', 0), change('B', 3), change('C', 4)];
    assert.ok(page.every((entry) => first.isUnseen(entry)));
    const cursor = decodeCursor(encodeCursor(first.next(page, START)));
    assert.equal(cursor?.modstamp, at(4));
    const second = new OverlapWindow(cursor, 5_000);
    assert.deepEqual(
      [...page, change('LATE', 2), change('OLD', -2), change('D', 6)].filter((entry) =>
        second.isUnseen(entry),
      ),
      [change('LATE', 2), change('D', 6)],
      'seen pairs are dropped, an unseen pair inside the window is kept, one older than the window is not',
    );
    const third = new OverlapWindow(second.next([change('LATE', 2), change('D', 6)], START), 5_000);
    assert.equal(third.isUnseen(change('LATE', 2)), false);
    assert.equal(third.isUnseen(change('B', 3)), false);
    assert.equal(third.isUnseen(change('B', 5)), true, 'a record changed again is a new pair');
  });

  it('keeps the cursor bounded: the newest pairs stay, and older ones count as delivered', () => {
    const many = Array.from({ length: MAX_SEEN_CHANGES + 50 }, (_, index) => ({
      externalId: `R${String(index).padStart(4, '0')}`,
      sourceVersion: new Date(Date.parse(at(0)) + index).toISOString(),
    }));
    const next = new OverlapWindow(undefined, 5_000).next(many, START);
    assert.equal(next.seen?.length, MAX_SEEN_CHANGES);
    assert.ok(next.floor && Date.parse(next.floor) === Date.parse(at(0)) + 50);
    assert.ok(encodeCursor(next).length < 8_000);
    const window = new OverlapWindow(decodeCursor(encodeCursor(next)), 5_000);
    assert.equal(window.isUnseen(many[0]!), false);
    assert.equal(window.isUnseen(many.at(-1)!), false);
  });

  it('reads version-1 cursors by the old rule and refuses a tampered seen list', () => {
    const v1 = decodeCursor(encodeCursor({ modstamp: at(4), id: 'C' }));
    const window = new OverlapWindow(v1, 5_000);
    assert.equal(window.isUnseen(change('LATE', 2)), false);
    assert.equal(window.isUnseen(change('D', 5)), true);
    const tampered = Buffer.from(JSON.stringify({ v: 2, modstamp: at(4), id: 'C', s: ['short'] })).toString(
      'base64url',
    );
    assert.throws(() => decodeCursor(tampered), InvalidCursorError);
  });
});
