import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadAppConfig } from './app-config.js';

describe('app config', () => {
  it('gives each app its default port and only the URLs of the layer below', () => {
    const process = loadAppConfig('process-onboarding', {});
    assert.equal(process.port, 3100);
    assert.deepEqual(Object.keys(process.downstream).sort(), ['system-billing', 'system-crm', 'system-erp']);
    assert.deepEqual(Object.keys(loadAppConfig('system-crm', {}).downstream), []);
    const experience = loadAppConfig('experience-partner', {
      PROCESS_ONBOARDING_URL: 'http://onboarding:3100/',
    });
    assert.equal(experience.downstream['process-onboarding'], 'http://onboarding:3100');
    assert.ok(!('system-crm' in experience.downstream));
  });

  it('refuses bad values with a message naming the variable', () => {
    assert.throws(
      () => loadAppConfig('system-crm', { PORT: 'eighty' }),
      (error: unknown) => error instanceof ConfigError && /PORT/.test(error.message),
    );
    assert.throws(() => loadAppConfig('system-crm', { DATABASE_URL: 'not a url' }), /DATABASE_URL/);
    assert.throws(
      () => loadAppConfig('system-crm', { ACCESS_LOG_SAMPLE_RATE: '5%' }),
      /ACCESS_LOG_SAMPLE_RATE must be a number between 0 and 1/,
    );
    assert.throws(() => loadAppConfig('system-crm', { NODE_ENV: 'production' }), /SERVICE_TOKEN_SECRET/);
    assert.throws(
      () => loadAppConfig('system-crm', { SERVICE_TOKEN_SECRET: 'short' }),
      /SERVICE_TOKEN_SECRET/,
    );
  });
});
