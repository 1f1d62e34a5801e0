import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { type AxiosRequestConfig } from 'axios';
import { type Registry } from 'prom-client';
import { AdapterError } from '@concord/contracts';
import { createVendorClient, type VendorClient } from '@concord/http';
import { APP_CONFIG, type AppConfig, METRICS_REGISTRY } from '@concord/platform';
import { ERP_CONFIG, type ErpConfig } from '../../system-erp.config.js';
import { BC_SYSTEM, type BcCallContext, classifyBcError } from './business-central.errors.js';

const SCOPE = 'https://api.businesscentral.dynamics.com/.default';
/** A token is renewed this long before Entra ID says it expires. */
const TOKEN_MARGIN_MS = 60_000;

interface TokenAnswer {
  access_token: string;
  expires_in: number;
}

export interface BcRequest extends BcCallContext {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Relative to the API root (`companies(...)/customers`) or absolute (a next or delta link). */
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface BcResponse<T> {
  status: number;
  data: T;
  headers: Record<string, string>;
}

/** Transport and auth for Business Central: client-credentials token, refresh once on 401, errors classified. */
@Injectable()
export class BusinessCentralClient implements OnModuleDestroy {
  private readonly vendor: VendorClient;
  private token: { value: string; expiresAt: number } | undefined;
  private pendingToken: Promise<string> | undefined;
  readonly apiRoot: string;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ERP_CONFIG) erpConfig: ErpConfig,
    @Inject(METRICS_REGISTRY) registry: Registry,
  ) {
    const { tenant, environment } = config.businessCentral;
    this.apiRoot = `${config.vendors.businessCentralUrl}/v2.0/${tenant}/${environment}/api/v2.0`;
    this.vendor = createVendorClient({
      system: BC_SYSTEM,
      baseUrl: this.apiRoot,
      timeoutMs: erpConfig.vendorTimeoutMs,
      registry,
      // 6,000 requests per 5 minutes per principal: 18 a second plus a 600 burst stays inside any window.
      pacing: {
        ratePerSecond: erpConfig.vendorRatePerSecond,
        burst: erpConfig.vendorBurst,
        maxConcurrent: 100,
      },
    });
  }

  onModuleDestroy(): void {
    this.vendor.close();
  }

  /** One API call; any failure arrives as an `AdapterError`. */
  async call<T>(request: BcRequest): Promise<BcResponse<T>> {
    try {
      return await this.send<T>(request, await this.accessToken());
    } catch (error) {
      let classified = classifyBcError(error, request);
      if (classified.kind === 'AuthFailed') {
        // An expired or revoked token: fetch a new one and try exactly once more.
        this.token = undefined;
        try {
          return await this.send<T>(request, await this.accessToken());
        } catch (retryError) {
          classified = classifyBcError(retryError, request);
        }
      }
      throw classified;
    }
  }

  private async send<T>(request: BcRequest, token: string): Promise<BcResponse<T>> {
    const config: AxiosRequestConfig = {
      method: request.method,
      url: request.url,
      headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...request.headers },
      operation: request.operation,
      ...(request.body !== undefined ? { data: request.body } : {}),
    };
    const response = await this.vendor.instance.request<T>(config);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.headers as Record<string, unknown>)) {
      if (typeof value === 'string') headers[name.toLowerCase()] = value;
    }
    return { status: response.status, data: response.data, headers };
  }

  private accessToken(): Promise<string> {
    if (this.token && Date.now() < this.token.expiresAt) return Promise.resolve(this.token.value);
    this.pendingToken ??= this.fetchToken().finally(() => {
      this.pendingToken = undefined;
    });
    return this.pendingToken;
  }

  private async fetchToken(): Promise<string> {
    const { clientId, clientSecret, tokenUrl } = this.config.businessCentral;
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
      scope: SCOPE,
    });
    try {
      const response = await this.vendor.instance.post<TokenAnswer>(tokenUrl, form.toString(), {
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        operation: 'token',
        idempotent: true,
      });
      const ttlMs = response.data.expires_in * 1000;
      this.token = {
        value: response.data.access_token,
        expiresAt: Date.now() + Math.max(ttlMs / 2, ttlMs - TOKEN_MARGIN_MS),
      };
      return this.token.value;
    } catch (error) {
      const classified = classifyBcError(error, { operation: 'token' });
      if (classified.kind !== 'Rejected') throw classified;
      // The token endpoint answers 400 for a wrong client or scope: an auth failure, not a rejection.
      throw new AdapterError({
        kind: 'AuthFailed',
        system: BC_SYSTEM,
        operation: 'token',
        message: classified.message,
        vendor: classified.vendor,
      });
    }
  }
}
