import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jaro, jaroWinkler, tokenSetSimilarity, trigramSimilarity, trigrams } from './similarity.js';

const close = (actual: number, expected: number) =>
  assert.ok(Math.abs(actual - expected) < 0.001, `${actual} is not ${expected}`);

describe('jaro and jaroWinkler', () => {
  it('match the textbook values', () => {
    close(jaro('martha', 'marhta'), 0.944);
    close(jaroWinkler('martha', 'marhta'), 0.961);
    close(jaroWinkler('dwayne', 'duane'), 0.84);
    close(jaroWinkler('dixon', 'dicksonx'), 0.813);
  });

  it('are 1 for equal strings and 0 when nothing matches or a side is empty', () => {
    assert.equal(jaroWinkler('acme', 'acme'), 1);
    assert.equal(jaroWinkler('', ''), 1);
    assert.equal(jaroWinkler('abc', ''), 0);
    assert.equal(jaroWinkler('abc', 'xyz'), 0);
  });
});

describe('tokenSetSimilarity', () => {
  it('ignores word order and tolerates typos', () => {
    assert.deepEqual(tokenSetSimilarity(['ritz', 'carlton', 'cafe'], ['cafe', 'ritz', 'carlton']), {
      containment: 1,
      overall: 1,
    });
    assert.ok(
      tokenSetSimilarity(['second', 'street', 'grille'], ['second', 'street', 'grill']).overall > 0.95,
    );
  });

  it('gives full containment when one name is the other plus qualifiers', () => {
    const result = tokenSetSimilarity(['bones'], ['bones', 'restaurant']);
    assert.equal(result.containment, 1);
    close(result.overall, 2 / 3);
  });

  it('counts different words as nothing', () => {
    const result = tokenSetSimilarity(['ritz', 'carlton', 'cafe'], ['ritz', 'carlton', 'dining', 'room']);
    close(result.containment, 2 / 3);
    close(result.overall, 4 / 7);
    assert.deepEqual(tokenSetSimilarity([], ['a']), { containment: 0, overall: 0 });
  });
});

describe('trigrams', () => {
  it('pads each word as pg_trgm does', () => {
    assert.deepEqual([...trigrams('cat')].sort(), ['  c', ' ca', 'at ', 'cat']);
    close(trigramSimilarity('word', 'two words'), 4 / 11);
    assert.equal(trigramSimilarity('', 'x'), 0);
  });
});
