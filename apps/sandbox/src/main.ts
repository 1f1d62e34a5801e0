import pino from 'pino';
import { loadSandboxConfig } from './sandbox.config.js';
import { startSandbox } from './sandbox.server.js';

const config = loadSandboxConfig(process.env);
const logger = pino({ level: config.logLevel, base: { app: 'sandbox' } });

const sandbox = await startSandbox({
  salesforcePort: config.salesforcePort,
  businessCentralPort: config.businessCentralPort,
  stripePort: config.stripePort,
  host: config.host,
  seed: config.seed,
  ...(config.salesforceJwtPublicKeyPem
    ? { salesforce: { jwtPublicKeyPem: config.salesforceJwtPublicKeyPem } }
    : {}),
});

for (const [vendor, url] of Object.entries(sandbox.urls)) logger.info({ vendor, url }, 'sandbox listening');

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  await sandbox.close();
  logger.info({ signal }, 'sandbox stopped');
  process.exit(0);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    stop(signal).catch((error: unknown) => {
      logger.error({ err: error }, 'sandbox failed to stop cleanly');
      process.exit(1);
    });
  });
}
