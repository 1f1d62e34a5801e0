import { Inject, Injectable } from '@nestjs/common';
import jsforce from 'jsforce';
import { Transport } from 'jsforce/lib/transport.js';
import {
  type HttpMethods,
  type HttpRequest,
  type HttpRequestOptions,
  type HttpResponse,
} from 'jsforce/lib/types/common.js';
import { type StreamPromise } from 'jsforce/lib/util/promise.js';
import { AdapterError } from '@concord/contracts';
import { SchedulerThrottledError, schedulerFor, type SystemScheduler } from '@concord/http';
import { type Registry } from '@concord/observability';
import { APP_CONFIG, type AppConfig, METRICS_REGISTRY } from '@concord/platform';
import { SalesforceMetrics } from './salesforce-metrics.util.js';
import { classifySalesforceFailure, QUOTA_RETRY_AFTER_MS, SYSTEM } from './salesforce.errors.js';
import {
  type CompositeSubrequest,
  type CompositeSubresponse,
  type SalesforceQueryResult,
  type SalesforceTokenAnswer,
} from './salesforce.types.js';

const TIMEOUT_MS = 15_000;

/** Remembers the HTTP status of the one request it carries, which jsforce's errors do not keep. */
class ObservedTransport extends Transport {
  status: number | undefined;

  override httpRequest(req: HttpRequest, options?: HttpRequestOptions): StreamPromise<HttpResponse> {
    const pending = super.httpRequest(req, options);
    pending.then(
      (response) => void (this.status = response.statusCode),
      () => undefined,
    );
    return pending;
  }
}

function failureLabel(error: unknown, status: number | undefined): string {
  if (status !== undefined) return String(status);
  const name = error instanceof Error ? error.name : '';
  return name === 'AbortError' || name === 'TimeoutError' ? 'timeout' : 'network_error';
}

/**
 * Salesforce REST over jsforce: OAuth2 client-credentials login, one session refresh on
 * INVALID_SESSION_ID, call metrics, calls paced by the org's API allowance, and every failure classified.
 */
@Injectable()
export class SalesforceClient {
  private session: Promise<jsforce.Connection> | undefined;
  private readonly scheduler: SystemScheduler;
  private readonly metrics: SalesforceMetrics;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(METRICS_REGISTRY) registry: Registry,
  ) {
    this.metrics = new SalesforceMetrics(registry);
    // The org's daily allowance is the signal: below its last 10% calls are held, leaving it to the org's users.
    this.scheduler = schedulerFor(SYSTEM, { reserveShare: 0.1, quotaHoldMs: QUOTA_RETRY_AFTER_MS }, registry);
  }

  get schemaMetrics(): SalesforceMetrics {
    return this.metrics;
  }

  /** One REST call; `path` is under the versioned data root (`/sobjects/…`) or absolute (`/services/…`). */
  async request<T>(operation: string, method: HttpMethods, path: string, body?: unknown): Promise<T> {
    try {
      return await this.scheduler.run(() => this.withSession<T>(operation, method, path, body));
    } catch (error) {
      if (!(error instanceof SchedulerThrottledError)) throw error;
      this.metrics.call(operation, 'quota_reserve', undefined);
      throw new AdapterError({
        kind: 'Throttled',
        system: SYSTEM,
        operation,
        message: 'Salesforce API allowance is below its 10% reserve; calls are paused',
        retryAfterMs: error.retryAfterMs,
        cause: error,
      });
    }
  }

  /**
   * Several REST calls as one `composite` call, which Salesforce counts once against the API allowance.
   * Paths are under the versioned data root; later subrequests may use `@{referenceId.path}` of earlier
   * answers. Every subrequest's answer comes back in order; a failed one is turned into an error by the
   * caller, which knows what it means.
   */
  async composite(
    operation: string,
    subrequests: CompositeSubrequest[],
    allOrNone = false,
  ): Promise<CompositeSubresponse[]> {
    const root = `/services/data/v${this.config.salesforce.apiVersion}`;
    const answer = await this.request<{ compositeResponse: CompositeSubresponse[] }>(
      operation,
      'POST',
      '/composite',
      {
        allOrNone,
        compositeRequest: subrequests.map((sub) => ({
          ...sub,
          url: sub.url.startsWith('/services/') ? sub.url : `${root}${sub.url}`,
        })),
      },
    );
    return answer.compositeResponse;
  }

  private async withSession<T>(
    operation: string,
    method: HttpMethods,
    path: string,
    body: unknown,
  ): Promise<T> {
    const session = this.connection();
    try {
      return await this.attempt<T>(await session, operation, method, path, body);
    } catch (error) {
      if (!(error instanceof AdapterError) || error.vendor?.code !== 'INVALID_SESSION_ID') throw error;
      if (this.session === session) this.session = undefined;
      return this.attempt<T>(await this.connection(), operation, method, path, body);
    }
  }

  /** Every row of a SOQL query, following `nextRecordsUrl`; `all` reads deleted rows too (`queryAll`). */
  async query<T>(operation: string, soql: string, all = false): Promise<T[]> {
    const resource = `/${all ? 'queryAll' : 'query'}?q=${encodeURIComponent(soql)}`;
    let page = await this.request<SalesforceQueryResult<T>>(operation, 'GET', resource);
    const rows = [...page.records];
    while (!page.done && page.nextRecordsUrl) {
      page = await this.request<SalesforceQueryResult<T>>(operation, 'GET', page.nextRecordsUrl);
      rows.push(...page.records);
    }
    return rows;
  }

  private async attempt<T>(
    conn: jsforce.Connection,
    operation: string,
    method: HttpMethods,
    path: string,
    body: unknown,
  ): Promise<T> {
    const transport = new ObservedTransport();
    const request: HttpRequest = {
      method,
      url: path,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    };
    const started = performance.now();
    try {
      const result = await conn.request<T>(request, {
        transport,
        timeout: TIMEOUT_MS,
        retry: { maxRetries: 0 },
      });
      this.settle(conn, operation, String(transport.status ?? 200), started);
      return result;
    } catch (error) {
      this.settle(conn, operation, failureLabel(error, transport.status), started);
      throw classifySalesforceFailure(operation, error, transport.status);
    }
  }

  private settle(conn: jsforce.Connection, operation: string, status: string, started: number): void {
    this.metrics.call(operation, status, (performance.now() - started) / 1000);
    const usage = conn.limitInfo?.apiUsage;
    if (usage) this.scheduler.observeQuota(usage.limit - usage.used, usage.limit);
  }

  private connection(): Promise<jsforce.Connection> {
    if (!this.session) {
      const session = this.login();
      session.catch(() => {
        if (this.session === session) this.session = undefined;
      });
      this.session = session;
    }
    return this.session;
  }

  private async login(): Promise<jsforce.Connection> {
    const { salesforceUrl } = this.config.vendors;
    const { clientId, clientSecret, apiVersion } = this.config.salesforce;
    const started = performance.now();
    let response: Response;
    try {
      response = await fetch(`${salesforceUrl}/services/oauth2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: clientId,
          client_secret: clientSecret,
        }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      this.metrics.call('oauth.token', failureLabel(error, undefined), (performance.now() - started) / 1000);
      throw new AdapterError({
        kind: 'Temporary',
        system: SYSTEM,
        operation: 'oauth.token',
        message: `Salesforce login failed: ${error instanceof Error ? error.message : String(error)}`,
        retryAfterMs: 2_000,
        cause: error,
      });
    }
    this.metrics.call('oauth.token', String(response.status), (performance.now() - started) / 1000);
    const answer = (await response.json().catch(() => ({}))) as Partial<SalesforceTokenAnswer> & {
      error?: string;
    };
    if (!response.ok || !answer.access_token || !answer.instance_url) {
      throw new AdapterError({
        kind: response.status >= 500 ? 'Temporary' : 'AuthFailed',
        system: SYSTEM,
        operation: 'oauth.token',
        message: `Salesforce login refused (HTTP ${response.status} ${answer.error ?? ''})`.trim(),
        vendor: { status: response.status, ...(answer.error ? { code: answer.error } : {}) },
      });
    }
    return new jsforce.Connection({
      instanceUrl: answer.instance_url,
      accessToken: answer.access_token,
      version: apiVersion,
    });
  }
}
