import { type AddressInfo } from 'node:net';
import { type FastifyInstance } from 'fastify';
import { type BusinessCentralLimitName } from './business-central/business-central.state.js';
import { createBusinessCentralServer } from './business-central/business-central.server.js';
import { type SalesforceLimitName } from './salesforce/salesforce.state.js';
import { createSalesforceServer } from './salesforce/salesforce.server.js';
import { type StripeLimitName } from './stripe/stripe.state.js';
import { createStripeServer } from './stripe/stripe.server.js';

export interface StartSandboxOptions {
  /** Ports default to 4100/4101/4102; 0 picks a free port (tests). */
  salesforcePort?: number;
  businessCentralPort?: number;
  stripePort?: number;
  host?: string;
  seed?: boolean;
  salesforce?: {
    limits?: Partial<Record<SalesforceLimitName, number>>;
    jwtPublicKeyPem?: string;
    /** Overrides `seed` for Salesforce alone, e.g. an empty org whose change feed starts empty. */
    seed?: boolean;
  };
  businessCentral?: { limits?: Partial<Record<BusinessCentralLimitName, number>> };
  stripe?: { limits?: Partial<Record<StripeLimitName, number>> };
}

export interface SandboxUrls {
  salesforce: string;
  businessCentral: string;
  stripe: string;
}

export interface RunningSandbox {
  urls: SandboxUrls;
  close(): Promise<void>;
}

async function listen(app: FastifyInstance, port: number, host: string): Promise<string> {
  await app.listen({ port, host });
  const address = app.server.address() as AddressInfo;
  const shownHost =
    host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shownHost}:${address.port}`;
}

/** Starts the Salesforce, Business Central and Stripe emulators, one HTTP server each. */
export async function startSandbox(options: StartSandboxOptions = {}): Promise<RunningSandbox> {
  const host = options.host ?? '127.0.0.1';
  const seed = options.seed ?? true;
  const salesforce = createSalesforceServer({ seed, ...options.salesforce });
  const businessCentral = createBusinessCentralServer({ seed, ...options.businessCentral });
  const stripe = createStripeServer({ seed, ...options.stripe });
  const apps = [salesforce.app, businessCentral.app, stripe.app];
  try {
    const [salesforceUrl, businessCentralUrl, stripeUrl] = await Promise.all([
      listen(salesforce.app, options.salesforcePort ?? 4100, host),
      listen(businessCentral.app, options.businessCentralPort ?? 4101, host),
      listen(stripe.app, options.stripePort ?? 4102, host),
    ]);
    return {
      urls: { salesforce: salesforceUrl, businessCentral: businessCentralUrl, stripe: stripeUrl },
      close: async () => {
        await Promise.all(apps.map((app) => app.close()));
      },
    };
  } catch (error) {
    await Promise.allSettled(apps.map((app) => app.close()));
    throw error;
  }
}
