import { type Layer } from '@concord/governance';

export type AppName =
  | 'experience-partner'
  | 'experience-ops'
  | 'process-onboarding'
  | 'process-activation'
  | 'process-reconciliation'
  | 'system-crm'
  | 'system-erp'
  | 'system-billing';

export interface AppDescriptor {
  name: AppName;
  layer: Layer;
  port: number;
  title: string;
  description: string;
  /** Env variable holding this app's base URL for the layer above. */
  urlEnv: string;
}

const app = (
  name: AppName,
  layer: Layer,
  port: number,
  title: string,
  description: string,
): AppDescriptor => ({
  name,
  layer,
  port,
  title,
  description,
  urlEnv: `${name.toUpperCase().replace(/-/g, '_')}_URL`,
});

/** The apps of DESIGN §2 with their default ports (DESIGN §10). */
export const APPS: Readonly<Record<AppName, AppDescriptor>> = {
  'experience-partner': app(
    'experience-partner',
    'experience',
    3000,
    'Concord Partner API',
    'Partner-facing API: customers, onboarding status, service status.',
  ),
  'experience-ops': app(
    'experience-ops',
    'experience',
    3001,
    'Concord Operations API',
    'Steward and operator API: exceptions, partners, dependency health.',
  ),
  'process-onboarding': app(
    'process-onboarding',
    'process',
    3100,
    'Concord Onboarding Process API',
    'Account onboarding saga: validation, matching, ERP and billing provisioning.',
  ),
  'process-activation': app(
    'process-activation',
    'process',
    3101,
    'Concord Activation Process API',
    'Product and subscription activation across ERP, CRM and billing.',
  ),
  'process-reconciliation': app(
    'process-reconciliation',
    'process',
    3102,
    'Concord Reconciliation Process API',
    'Reconciliation runs, drift findings and event replay.',
  ),
  'system-crm': app(
    'system-crm',
    'system',
    3200,
    'Concord CRM System API',
    'Canonical CRM API in front of Salesforce.',
  ),
  'system-erp': app(
    'system-erp',
    'system',
    3201,
    'Concord ERP System API',
    'Canonical ERP API in front of Business Central.',
  ),
  'system-billing': app(
    'system-billing',
    'system',
    3202,
    'Concord Billing System API',
    'Canonical billing API in front of Stripe.',
  ),
};

export const SANDBOX_PORTS = { salesforce: 4100, businessCentral: 4101, stripe: 4102 } as const;

/** Default base URL of an app, as the layer above reaches it on one machine. */
export function defaultAppUrl(name: AppName): string {
  return `http://127.0.0.1:${APPS[name].port}`;
}
