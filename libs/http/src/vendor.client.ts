import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import axios, {
  AxiosHeaders,
  getAdapter,
  type AxiosInstance,
  type AxiosResponse,
  type InternalAxiosRequestConfig,
} from 'axios';
import { CallPolicy } from './call-policy.service.js';
import { isIdempotentRequest } from './failure.util.js';
import { type OutboundClientOptions } from './http.types.js';

declare module 'axios' {
  interface AxiosRequestConfig {
    /** Metric label naming the vendor operation, e.g. `customers.upsert`. Default: the HTTP method. */
    operation?: string;
    /** Overrides the idempotency inferred from the method and the `Idempotency-Key` header. */
    idempotent?: boolean;
  }
}

/** Options of {@link createVendorClient}. */
export type VendorClientOptions = OutboundClientOptions;

export interface VendorClient {
  /**
   * Axios instance with the policies applied to every request made through it. Non-2xx answers and
   * transport failures reject with the original `AxiosError` (adapters classify them); an open circuit
   * rejects with `CircuitOpenError`.
   */
  instance: AxiosInstance;
  /** Closes the kept-alive connections. */
  close(): void;
}

/**
 * Client for vendor APIs: an axios instance whose transport applies the shared retry, circuit breaker,
 * timeout, headers hook and metrics, so adapters and helpers keep making ordinary axios calls.
 */
export function createVendorClient(options: VendorClientOptions): VendorClient {
  const maxSockets = options.connections ?? 32;
  const httpAgent = new HttpAgent({ keepAlive: true, maxSockets });
  const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets });
  const policy = new CallPolicy(options);
  const transport = getAdapter('http');

  function withHookHeaders(config: InternalAxiosRequestConfig, hookHeaders: Record<string, string>) {
    // A copy, so every attempt starts again from the caller's headers and gets fresh hook values.
    const headers = new AxiosHeaders(config.headers);
    for (const [name, value] of Object.entries(hookHeaders)) {
      if (!headers.has(name)) headers.set(name, value);
    }
    return { ...config, headers };
  }

  const instance = axios.create({
    baseURL: options.baseUrl,
    timeout: options.timeoutMs ?? 5_000,
    httpAgent,
    httpsAgent,
    transitional: { ...axios.defaults.transitional, clarifyTimeoutError: true },
    adapter: (config: InternalAxiosRequestConfig): Promise<AxiosResponse> => {
      const method = (config.method ?? 'get').toUpperCase();
      const hasKey = AxiosHeaders.from(config.headers).has('idempotency-key');
      const call = {
        operation: config.operation ?? method,
        idempotent: config.idempotent ?? isIdempotentRequest(method, hasKey),
      };
      return policy.run(call, async (hookHeaders) => {
        const response = await transport(withHookHeaders(config, hookHeaders));
        return { status: response.status, value: response };
      });
    },
  });

  return {
    instance,
    close() {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}
