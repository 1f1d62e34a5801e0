import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type ArgumentMetadata } from '@nestjs/common';
import { DependencyQueryDto, ErrorCode, TraceQueryDto } from '@concord/contracts';
import { ConcordException } from '../errors/concord.exception.js';
import { createValidationPipe } from './validation.pipe.js';

const query = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({ type: 'query', metatype });

async function rejection(run: () => Promise<unknown>): Promise<ConcordException> {
  const error = await run().then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  assert.ok(error instanceof ConcordException, 'rejected with a ConcordException');
  return error;
}

describe('validation pipe on query strings', () => {
  it('answers a repeated query with a fresh, equal instance of the DTO', async () => {
    const pipe = createValidationPipe();
    const first = (await pipe.transform(
      { timeoutMs: '2000' },
      query(DependencyQueryDto),
    )) as DependencyQueryDto;
    const again = (await pipe.transform(
      { timeoutMs: '2000' },
      query(DependencyQueryDto),
    )) as DependencyQueryDto;
    assert.ok(again instanceof DependencyQueryDto);
    assert.equal(again.timeoutMs, 2000);
    assert.deepEqual({ ...again }, { ...first });
    assert.notEqual(again, first);
    again.timeoutMs = 1;
    const third = (await pipe.transform(
      { timeoutMs: '2000' },
      query(DependencyQueryDto),
    )) as DependencyQueryDto;
    assert.equal(third.timeoutMs, 2000);
  });

  it('still rejects bad and unknown fields with their paths after the same DTO passed', async () => {
    const pipe = createValidationPipe();
    await pipe.transform({}, query(TraceQueryDto));
    await pipe.transform({ path: 'system-crm' }, query(TraceQueryDto));
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const bad = await rejection(() => pipe.transform({ path: 'System CRM!' }, query(TraceQueryDto)));
      assert.equal(bad.code, ErrorCode.VALIDATION_FAILED);
      assert.deepEqual(
        bad.details.map((detail) => detail.path),
        ['path'],
      );
      const unknown = await rejection(() =>
        pipe.transform({ path: 'system-crm', debug: 'true' }, query(TraceQueryDto)),
      );
      assert.equal(unknown.code, ErrorCode.UNKNOWN_FIELD);
      assert.deepEqual(
        unknown.details.map((detail) => detail.path),
        ['debug'],
      );
    }
  });

  it('keeps the same verdicts for a range of query values, cached or not', async () => {
    const cached = createValidationPipe();
    for (const timeoutMs of ['50', '100', '2000', '10000', '10001', 'abc', '2000', '50']) {
      const outcome = async () =>
        cached.transform({ timeoutMs }, query(DependencyQueryDto)).then(
          (value) => ({ ok: true, value: { ...(value as object) } }),
          (error: ConcordException) => ({ ok: false, value: error.details }),
        );
      const fresh = await createValidationPipe()
        .transform({ timeoutMs }, query(DependencyQueryDto))
        .then(
          (value) => ({ ok: true, value: { ...(value as object) } }),
          (error: ConcordException) => ({ ok: false, value: error.details }),
        );
      assert.deepEqual(await outcome(), fresh, `timeoutMs=${timeoutMs}`);
    }
  });
});

describe('validation pipe on NUL characters', () => {
  it('refuses U+0000 in a body, query or path value with the field path', async () => {
    const pipe = createValidationPipe();
    const body = await rejection(() =>
      pipe.transform({ name: 'Contoso', segment: '\u0000' }, { type: 'body', metatype: Object }),
    );
    assert.equal(body.code, ErrorCode.VALIDATION_FAILED);
    assert.deepEqual(
      body.details.map((detail) => detail.path),
      ['segment'],
    );
    const param = await rejection(() => pipe.transform('C1\u0000', { type: 'param', data: 'id' }));
    assert.deepEqual(
      param.details.map((detail) => detail.path),
      ['id'],
    );
    const queried = await rejection(() => pipe.transform({ path: 'system-crm\u0000' }, query(TraceQueryDto)));
    assert.deepEqual(
      queried.details.map((detail) => detail.path),
      ['path'],
    );
  });
});
