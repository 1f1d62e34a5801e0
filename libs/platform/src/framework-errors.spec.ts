import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Fastify from 'fastify';
import { frameworkErrorHandler } from './framework-errors.js';

void describe('framework errors', () => {
  void it('answers a path parameter over maxParamLength with 400 on `path`, in the envelope', async () => {
    const app = Fastify({ frameworkErrors: frameworkErrorHandler });
    app.get('/v1/customers/:id', () => ({ ok: true }));
    const response = await app.inject({
      url: `/v1/customers/${'a'.repeat(200)}`,
      headers: { 'x-correlation-id': 'fuzz-1' },
    });
    assert.equal(response.statusCode, 400);
    assert.equal(response.headers['x-correlation-id'], 'fuzz-1');
    assert.deepEqual(response.json(), {
      error: {
        code: 'VALIDATION_FAILED',
        message: 'Request failed validation',
        details: [
          {
            path: 'path',
            message: 'a path parameter is longer than this API accepts',
            constraint: 'maxLength',
          },
        ],
        correlationId: 'fuzz-1',
      },
    });
    assert.equal((await app.inject({ url: '/v1/customers/abc' })).statusCode, 200);
    await app.close();
  });
});
