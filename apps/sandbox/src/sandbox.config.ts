export interface SandboxConfig {
  salesforcePort: number;
  businessCentralPort: number;
  stripePort: number;
  host: string;
  seed: boolean;
  logLevel: string;
  salesforceJwtPublicKeyPem?: string;
}

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535)
    throw new Error(`${name} must be a port number, got "${raw}"`);
  return value;
}

/** The sandbox's settings, read once from the environment. */
export function loadSandboxConfig(env: NodeJS.ProcessEnv): SandboxConfig {
  const seed = env.SANDBOX_SEED ?? 'true';
  if (seed !== 'true' && seed !== 'false')
    throw new Error(`SANDBOX_SEED must be true or false, got "${seed}"`);
  return {
    salesforcePort: port(env, 'SANDBOX_SALESFORCE_PORT', 4100),
    businessCentralPort: port(env, 'SANDBOX_BUSINESS_CENTRAL_PORT', 4101),
    stripePort: port(env, 'SANDBOX_STRIPE_PORT', 4102),
    host: env.SANDBOX_HOST || '127.0.0.1',
    seed: seed === 'true',
    logLevel: env.LOG_LEVEL || 'info',
    ...(env.SANDBOX_SALESFORCE_JWT_PUBLIC_KEY
      ? { salesforceJwtPublicKeyPem: env.SANDBOX_SALESFORCE_JWT_PUBLIC_KEY }
      : {}),
  };
}
