import assert from 'node:assert/strict';
import { it } from 'node:test';
import {
  buildPath,
  flattenHeaders,
  mergeHeaders,
  parseErrorBody,
  parseSuccessBody,
} from './layer-request.util.js';

void it('joins prefix and path and encodes the query', () => {
  assert.equal(
    buildPath('/api', '/v1/items', { q: 'a b/é', ids: [1, 2], all: false, gone: null }),
    '/api/v1/items?q=a+b%2F%C3%A9&ids=1&ids=2&all=false',
  );
  assert.equal(buildPath('', 'v1/items', {}), '/v1/items');
  assert.equal(buildPath('', '/v1/items?page=2', { size: 50 }), '/v1/items?page=2&size=50');
});

void it('lets later header sources win whatever their spelling', () => {
  assert.deepEqual(mergeHeaders({ Accept: 'a' }, undefined, { accept: 'b', 'X-Id': '1' }), {
    accept: 'b',
    'x-id': '1',
  });
});

void it('joins repeated response headers', () => {
  assert.deepEqual(flattenHeaders({ 'set-cookie': ['a=1', 'b=2'], etag: 'W/"1"', age: undefined }), {
    'set-cookie': 'a=1, b=2',
    etag: 'W/"1"',
  });
});

void it('parses JSON bodies and keeps anything else as text', () => {
  assert.deepEqual(parseSuccessBody('{"id":1}', 'application/json; charset=utf-8'), { id: 1 });
  assert.equal(parseSuccessBody('plain', 'text/plain'), 'plain');
  assert.equal(parseSuccessBody('', 'application/json'), undefined);
  assert.throws(() => parseSuccessBody('<html>', 'application/json'), SyntaxError);
  assert.equal(parseErrorBody('<html>bad gateway</html>'), '<html>bad gateway</html>');
  assert.deepEqual(parseErrorBody('{"error":{"code":"X"}}'), { error: { code: 'X' } });
});
