import assert from 'node:assert/strict';

interface Envelope {
  error?: { code?: unknown; message?: unknown; details?: unknown; correlationId?: unknown };
}

/**
 * Asserts an answer is the public error envelope with this status and code, carrying the answer's
 * correlation ID; returns the body text so callers can check what it must not contain.
 */
export async function assertErrorEnvelope(
  response: Response,
  status: number,
  code: string | undefined,
  label: string,
): Promise<string> {
  const text = await response.text();
  assert.equal(response.status, status, `${label}: ${text.slice(0, 300)}`);
  const body = JSON.parse(text) as Envelope;
  const error = body.error;
  assert.ok(error && typeof error === 'object', `${label}: no error envelope in ${text.slice(0, 300)}`);
  if (code !== undefined) assert.equal(error.code, code, label);
  assert.equal(typeof error.code, 'string', label);
  assert.equal(typeof error.message, 'string', label);
  assert.ok(Array.isArray(error.details), `${label}: details is not an array`);
  assert.equal(error.correlationId, response.headers.get('x-correlation-id'), `${label}: correlation ID`);
  return text;
}
