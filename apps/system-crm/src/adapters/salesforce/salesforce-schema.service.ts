import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { type HealthCheck, type Logger } from '@concord/observability';
import { APP_CONFIG, type AppConfig, LOGGER } from '@concord/platform';
import { SalesforceClient } from './salesforce.client.js';
import { SYNC_STATUS_PICKLIST_VALUES } from './salesforce.mappers.js';
import { type SalesforceDescribe } from './salesforce.types.js';

const REFRESH_MS = 10 * 60_000;
const CONCORD_FIELDS = [
  'Concord_Id__c',
  'Tax_Id__c',
  'ERP_Customer_Number__c',
  'Billing_Customer_Id__c',
  'Concord_Sync_Status__c',
  'Concord_Sync_Message__c',
];

/** What the Account schema lacks for Concord: missing fields and missing status picklist values. */
export function schemaDriftOf(describe: SalesforceDescribe): string[] {
  const byName = new Map(describe.fields.map((field) => [field.name.toLowerCase(), field]));
  const missing = CONCORD_FIELDS.filter((name) => !byName.has(name.toLowerCase())).map(
    (name) => `Account.${name} is missing`,
  );
  const status = byName.get('concord_sync_status__c');
  const offered = new Set(
    (status?.picklistValues ?? []).filter((entry) => entry.active).map((entry) => entry.value.toLowerCase()),
  );
  const values = status
    ? SYNC_STATUS_PICKLIST_VALUES.filter((value) => !offered.has(value.toLowerCase())).map(
        (value) => `Account.Concord_Sync_Status__c lacks the value ${value}`,
      )
    : [];
  return [...missing, ...values];
}

interface SchemaState {
  problems?: string[];
  error?: string;
}

// Keyed by the app's config object: the dependency report's check is built from it before Nest starts.
const states = new WeakMap<AppConfig, SchemaState>();

function stateFor(config: AppConfig): SchemaState {
  let state = states.get(config);
  if (!state) {
    state = {};
    states.set(config, state);
  }
  return state;
}

/** The `salesforce-schema` check of the dependency report: fails while Concord's fields are missing. */
export function salesforceSchemaCheck(config: AppConfig): HealthCheck {
  return {
    name: 'salesforce-schema',
    check() {
      const state = stateFor(config);
      if (state.problems && state.problems.length > 0)
        return Promise.reject(new Error(state.problems.join('; ')));
      if (!state.problems && state.error) return Promise.reject(new Error(`describe failed: ${state.error}`));
      return Promise.resolve();
    },
  };
}

/** The readiness side of the schema check: fails only while describe shows drift, not while it is unreachable. */
export function salesforceSchemaReadiness(config: AppConfig): HealthCheck {
  return {
    name: 'salesforce-schema',
    check() {
      const problems = stateFor(config).problems ?? [];
      return problems.length > 0 ? Promise.reject(new Error(problems.join('; '))) : Promise.resolve();
    },
  };
}

/** Reads the Account describe at start and every 10 minutes; drift shows in the gauge and the check. */
@Injectable()
export class SalesforceSchemaMonitor implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly client: SalesforceClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), REFRESH_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async refresh(): Promise<void> {
    const state = stateFor(this.config);
    try {
      const describe = await this.client.request<SalesforceDescribe>(
        'schema.describe',
        'GET',
        '/sobjects/Account/describe',
      );
      state.problems = schemaDriftOf(describe);
      delete state.error;
      this.client.schemaMetrics.schemaDrift(state.problems.length > 0);
      if (state.problems.length > 0)
        this.logger.warn({ problems: state.problems }, 'Salesforce schema drift');
    } catch (error) {
      state.error = error instanceof Error ? error.message : String(error);
      this.logger.warn({ err: { message: state.error } }, 'Salesforce describe failed');
    }
  }
}
