import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dimensionsFor, type FinanceDimensionRule } from './finance-dimensions.repository.js';

const rules: FinanceDimensionRule[] = [
  { source: 'territory', sourceValue: 'DACH', dimensionCode: 'AREA', valueCode: '10' },
  { source: 'territory', sourceValue: 'DACH', dimensionCode: 'CUSTOMERGROUP', valueCode: 'MEDIUM' },
  { source: 'segment', sourceValue: 'Enterprise', dimensionCode: 'CUSTOMERGROUP', valueCode: 'LARGE' },
];

describe('dimensionsFor', () => {
  it('maps territory and segment, without case, one value per dimension, the segment winning', () => {
    assert.deepEqual(dimensionsFor({ territory: 'dach ', segment: 'ENTERPRISE' }, rules), [
      { dimensionCode: 'AREA', valueCode: '10' },
      { dimensionCode: 'CUSTOMERGROUP', valueCode: 'LARGE' },
    ]);
  });

  it('gives nothing for unknown or absent territories and segments', () => {
    assert.deepEqual(dimensionsFor({ territory: 'Mars' }, rules), []);
    assert.deepEqual(dimensionsFor({}, rules), []);
    assert.deepEqual(dimensionsFor({ territory: 'DACH' }, rules), [
      { dimensionCode: 'AREA', valueCode: '10' },
      { dimensionCode: 'CUSTOMERGROUP', valueCode: 'MEDIUM' },
    ]);
  });
});
