import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileRouteMatcher } from './route-matcher.util.js';

describe('compileRouteMatcher', () => {
  it('matches globs on "METHOD /path" with * spanning segments', () => {
    const matches = compileRouteMatcher('POST /v1/customers*');
    assert.equal(matches('POST /v1/customers'), true);
    assert.equal(matches('POST /v1/customers/cus_1/anything'), true);
    assert.equal(matches('GET /v1/customers'), false);
  });

  it('treats a glob without a method as matching every method', () => {
    const matches = compileRouteMatcher('/services/data/*/query');
    assert.equal(matches('GET /services/data/v59.0/query'), true);
    assert.equal(matches('PATCH /services/data/v59.0/query'), true);
    assert.equal(matches('GET /services/data/v59.0/queryAll'), false);
  });

  it('escapes regex characters in globs, so OData keys match literally', () => {
    const matches = compileRouteMatcher('GET */companies(?)');
    assert.equal(matches('GET /api/companies(1)'), true);
    assert.equal(matches('GET /api/companiesX1)'), false);
  });

  it('reads /…/flags as a regular expression', () => {
    const matches = compileRouteMatcher('/^(GET|POST) \\/v1\\/prices/i');
    assert.equal(matches('get /v1/prices/price_1'), true);
    assert.equal(matches('DELETE /v1/prices'), false);
  });
});
