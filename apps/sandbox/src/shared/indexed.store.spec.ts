import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IndexedStore, type Probe } from './indexed.store.js';

interface Entry {
  tag: string | null;
  score: number;
}

const byTag = (key: string | null): Probe<Entry> => ({ index: 'tag', keyOf: (entry) => entry.tag, key });
const byScore = (key: number): Probe<Entry> => ({ index: 'score', keyOf: (entry) => entry.score, key });

/** What a lookup must equal: the entries a full iteration finds, in iteration order. */
function scan(store: IndexedStore<Entry>, probes: Probe<Entry>[]): Entry[] {
  return [...store.values()].filter((entry) => probes.some((probe) => probe.keyOf(entry) === probe.key));
}

function storeOf(entries: [string, Entry][]): IndexedStore<Entry> {
  const store = new IndexedStore<Entry>();
  for (const [id, entry] of entries) store.set(id, entry);
  return store;
}

describe('IndexedStore', () => {
  it('finds what a scan finds, in insertion order, for one or several probes', () => {
    const store = storeOf([
      ['a', { tag: 'x', score: 1 }],
      ['b', { tag: 'y', score: 2 }],
      ['c', { tag: 'x', score: 2 }],
      ['d', { tag: null, score: 3 }],
    ]);
    for (const probes of [[byTag('x')], [byTag(null)], [byTag('z')], [byTag('y'), byScore(2)]]) {
      assert.deepEqual(store.matching(probes), scan(store, probes));
    }
    assert.deepEqual(
      store.matching([byScore(2), byTag('x')]).map((entry) => entry.score),
      [1, 2, 2],
    );
  });

  it('keeps an index current through updates, deletes, re-inserts and clear', () => {
    const store = storeOf([
      ['a', { tag: 'x', score: 1 }],
      ['b', { tag: 'y', score: 2 }],
      ['c', { tag: 'x', score: 3 }],
    ]);
    assert.equal(store.matching([byTag('x')]).length, 2);
    store.set('a', { tag: 'y', score: 1 });
    store.delete('c');
    store.set('d', { tag: 'x', score: 4 });
    store.set('c', { tag: 'y', score: 5 });
    for (const tag of ['x', 'y']) assert.deepEqual(store.matching([byTag(tag)]), scan(store, [byTag(tag)]));
    assert.deepEqual(
      store.matching([byTag('y')]).map((entry) => entry.score),
      [1, 2, 5],
    );
    store.clear();
    assert.deepEqual(store.matching([byTag('y')]), []);
    store.set('e', { tag: 'y', score: 6 });
    assert.deepEqual(store.matching([byTag('y')]), [{ tag: 'y', score: 6 }]);
  });

  it('moves a value changed in place once it is set again', () => {
    const entry: Entry = { tag: 'x', score: 1 };
    const store = storeOf([['a', entry]]);
    assert.equal(store.matching([byTag('x')]).length, 1);
    entry.tag = 'y';
    store.set('a', entry);
    assert.deepEqual(store.matching([byTag('x')]), []);
    assert.deepEqual(store.matching([byTag('y')]), [entry]);
  });

  it('never matches NaN, as === would not', () => {
    const store = storeOf([['a', { tag: 'x', score: Number.NaN }]]);
    assert.deepEqual(store.matching([byScore(Number.NaN)]), []);
  });
});
