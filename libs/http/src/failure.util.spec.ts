import assert from 'node:assert/strict';
import { it } from 'node:test';
import { AxiosError, AxiosHeaders, type AxiosResponse } from 'axios';
import {
  classifyFailure,
  failureLabel,
  isIdempotentRequest,
  isTransient,
  neverSent,
} from './failure.util.js';
import { UpstreamHttpError, UpstreamUnavailableError } from './upstream.exception.js';

function axiosAnswer(status: number, headers: Record<string, string> = {}): AxiosError {
  const config = { headers: new AxiosHeaders() };
  const response = { status, statusText: '', headers, config, data: {} } as AxiosResponse;
  return new AxiosError('failed', 'ERR_BAD_RESPONSE', config, {}, response);
}

function coded(code: string): Error {
  return Object.assign(new Error(code), { code });
}

void it('treats only the listed statuses as transient', () => {
  const transient = [408, 425, 429, 500, 502, 503, 504].map((status) =>
    isTransient({ kind: 'status', status, retryAfterMs: undefined }),
  );
  const permanent = [400, 401, 403, 404, 409, 422, 501].map((status) =>
    isTransient({ kind: 'status', status, retryAfterMs: undefined }),
  );
  assert.deepEqual(transient, Array<boolean>(7).fill(true));
  assert.deepEqual(permanent, Array<boolean>(7).fill(false));
});

void it('classifies axios answers with their Retry-After', () => {
  assert.deepEqual(classifyFailure(axiosAnswer(429, { 'retry-after': '2' })), {
    kind: 'status',
    status: 429,
    retryAfterMs: 2000,
  });
});

void it('classifies transport errors of undici, node and axios', () => {
  assert.deepEqual(classifyFailure(coded('UND_ERR_HEADERS_TIMEOUT')), { kind: 'timeout' });
  assert.deepEqual(classifyFailure(new AxiosError('timeout of 100ms exceeded', 'ETIMEDOUT')), {
    kind: 'timeout',
  });
  assert.deepEqual(classifyFailure(new AxiosError('socket hang up', 'ECONNRESET')), {
    kind: 'network',
    code: 'ECONNRESET',
  });
  assert.deepEqual(classifyFailure(new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')])), {
    kind: 'network',
    code: 'ECONNREFUSED',
  });
});

void it('leaves cancellations and bugs unclassified', () => {
  assert.equal(classifyFailure(new AxiosError('canceled', 'ERR_CANCELED')), undefined);
  assert.equal(classifyFailure(new TypeError('x is undefined')), undefined);
});

void it('labels failures for the calls metric', () => {
  const http = new UpstreamHttpError({
    system: 's',
    operation: 'o',
    status: 503,
    body: undefined,
    headers: {},
  });
  const timeout = new UpstreamUnavailableError('s', 'o', 'timeout', undefined);
  const refused = new UpstreamUnavailableError('s', 'o', 'network_error', 'ECONNREFUSED');
  assert.deepEqual(
    [http, timeout, refused].map((error) =>
      failureLabel(classifyFailure(error) ?? assert.fail('unclassified')),
    ),
    ['503', 'timeout', 'network_error'],
  );
});

void it('considers only a refused connection as never sent', () => {
  assert.equal(neverSent({ kind: 'network', code: 'ECONNREFUSED' }), true);
  assert.equal(neverSent({ kind: 'network', code: 'ECONNRESET' }), false);
  assert.equal(neverSent({ kind: 'timeout' }), false);
});

void it('infers idempotency from the method and the Idempotency-Key', () => {
  assert.equal(isIdempotentRequest('get', false), true);
  assert.equal(isIdempotentRequest('PUT', false), true);
  assert.equal(isIdempotentRequest('POST', false), false);
  assert.equal(isIdempotentRequest('PATCH', false), false);
  assert.equal(isIdempotentRequest('POST', true), true);
});
