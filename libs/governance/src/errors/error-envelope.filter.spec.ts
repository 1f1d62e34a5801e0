import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HttpException, NotFoundException } from '@nestjs/common';
import { pino } from 'pino';
import { ErrorCode } from '@concord/contracts';
import { CircuitOpenError, UpstreamHttpError } from '@concord/http';
import { runWithCorrelation } from '@concord/observability';
import { ConcordException } from './concord.exception.js';
import { mapError } from './error-envelope.filter.js';

const logger = pino({ level: 'silent' });

describe('error envelope mapping', () => {
  it('keeps a Concord exception code, details and the correlation ID', () => {
    const mapped = runWithCorrelation('c-1', () =>
      mapError(
        new ConcordException(ErrorCode.OWNERSHIP_VIOLATION, 'legalName is owned by erp', [
          { path: 'legalName', owner: 'erp' },
        ]),
        logger,
      ),
    );
    assert.equal(mapped.status, 409);
    assert.deepEqual(mapped.body.error, {
      code: 'OWNERSHIP_VIOLATION',
      message: 'legalName is owned by erp',
      details: [{ path: 'legalName', owner: 'erp' }],
      correlationId: 'c-1',
    });
  });

  it('maps Fastify body errors wrapped by Nest to 400 and 413', () => {
    const tooLarge = new HttpException('Request body is too large', 413, {
      cause: Object.assign(new Error('x'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE' }),
    });
    assert.equal(mapError(tooLarge, logger).body.error.code, 'PAYLOAD_TOO_LARGE');
    const malformed = new HttpException('bad', 400, {
      cause: Object.assign(new Error('x'), { code: 'FST_ERR_CTP_INVALID_JSON_BODY' }),
    });
    assert.equal(mapError(malformed, logger).status, 400);
    assert.equal(mapError(malformed, logger).body.error.code, 'MALFORMED_JSON');
    assert.equal(mapError(new NotFoundException(), logger).body.error.code, 'NOT_FOUND');
  });

  it('passes a lower layer envelope through, and hides outages behind 503', () => {
    const below = new UpstreamHttpError({
      status: 400,
      body: { error: { code: 'UNKNOWN_FIELD', message: 'no', details: [{ path: 'x' }], correlationId: 'c' } },
      headers: {},
      system: 'process-onboarding',
      operation: 'customers.validate',
    });
    const passed = mapError(below, logger);
    assert.equal(passed.status, 400);
    assert.equal(passed.body.error.code, 'UNKNOWN_FIELD');
    const open = mapError(new CircuitOpenError('system-crm', 'customers.get'), logger);
    assert.equal(open.status, 503);
    assert.equal(open.body.error.code, 'UPSTREAM_UNAVAILABLE');
  });

  it('never leaks an unknown error', () => {
    const mapped = mapError(new Error('password=hunter2 at db.ts:12'), logger);
    assert.equal(mapped.status, 500);
    assert.ok(!JSON.stringify(mapped.body).includes('hunter2'));
  });
});
