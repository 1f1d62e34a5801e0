import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findNulCharacters, NUL_CHARACTER_CONSTRAINT } from './nul-character.util.js';

void describe('findNulCharacters', () => {
  void it('finds nothing in values without U+0000, of any type', () => {
    for (const value of [undefined, null, 0, true, '', 'Contoso GmbH', '\u202e💥', { a: [1, { b: 'x' }] }]) {
      assert.deepEqual(findNulCharacters(value), [], JSON.stringify(value));
    }
  });

  void it('names each string that holds one with its field path, in document order', () => {
    const details = findNulCharacters({
      name: 'ok',
      segment: '\u0000',
      address: { line1: 'Hauptstr.\u00001' },
      tags: ['a', 'b\u0000'],
    });
    assert.deepEqual(
      details.map((detail) => detail.path),
      ['segment', 'address.line1', 'tags[1]'],
    );
    assert.ok(details.every((detail) => detail.constraint === NUL_CHARACTER_CONSTRAINT));
    assert.equal(details[0]?.message, 'segment must not contain the NUL character (U+0000)');
  });

  void it('checks member names and prefixes a parameter name', () => {
    assert.deepEqual(
      findNulCharacters({ 'a\u0000b': 1 }).map((detail) => detail.path),
      ['a\u0000b'],
    );
    assert.deepEqual(
      findNulCharacters('abc\u0000', 'id').map((detail) => detail.path),
      ['id'],
    );
  });

  void it('walks a body nested deeper than the call stack', () => {
    let deep: unknown = '\u0000';
    for (let level = 0; level < 200_000; level += 1) deep = [deep];
    assert.equal(findNulCharacters(deep).length, 1);
  });
});
