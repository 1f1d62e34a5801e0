import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeCorrelationId, runWithCorrelation } from './correlation-context.js';
import { createLogger } from './logger.js';

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  return { lines, write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) };
}

describe('structured logger', () => {
  it('puts the app and the current correlation ID on every line', () => {
    const sink = capture();
    const logger = createLogger({ app: 'system-crm', destination: sink });
    runWithCorrelation('corr-1', () => logger.info('inside'));
    logger.info('outside');
    assert.equal(sink.lines[0]?.app, 'system-crm');
    assert.equal(sink.lines[0]?.correlationId, 'corr-1');
    assert.equal(sink.lines[1]?.correlationId, undefined);
  });

  it('redacts secrets wherever they appear', () => {
    const sink = capture();
    const logger = createLogger({ app: 'test', destination: sink });
    logger.info(
      { password: 'p', apiKey: 'k', headers: { authorization: 'Bearer x' }, client: { clientSecret: 's' } },
      'secrets',
    );
    const line = JSON.stringify(sink.lines[0]);
    for (const secret of ['"p"', '"k"', 'Bearer x', '"s"'])
      assert.ok(!line.includes(secret), `${secret} is redacted`);
    assert.match(line, /\[redacted\]/);
  });
});

describe('correlation IDs', () => {
  it('keeps a sane caller ID and replaces anything else with a UUID', () => {
    assert.equal(normalizeCorrelationId('order-42.retry:1'), 'order-42.retry:1');
    for (const bad of [undefined, '', 'has space', 'x'.repeat(200), ['a', 'b'], '<script>']) {
      assert.match(normalizeCorrelationId(bad), /^[0-9a-f-]{36}$/);
    }
  });
});
