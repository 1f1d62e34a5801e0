import { Pool } from 'undici';
import { bufferedDispatch, type BufferedResponse } from './buffered-dispatch.util.js';
import { CallPolicy } from './call-policy.service.js';
import { classifyTransportError, isIdempotentRequest } from './failure.util.js';
import { type OutboundClientOptions } from './http.types.js';
import {
  buildPath,
  mergeHeaders,
  parseErrorBody,
  parseSuccessBody,
  type QueryParams,
} from './layer-request.util.js';
import { UpstreamHttpError, UpstreamUnavailableError, type ResponseHeaders } from './upstream.exception.js';

/** Options of {@link createLayerClient}. */
export type LayerClientOptions = OutboundClientOptions;

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One call to the layer below. */
export interface LayerRequest {
  method: HttpMethod;
  /** Path below the base URL, e.g. `/v1/customers/42`. */
  path: string;
  query?: QueryParams;
  /** Sent as JSON when defined. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Metric label naming the operation, e.g. `customers.upsert`. */
  operation: string;
  /**
   * Whether the call may be sent twice. Default: true for GET, HEAD, PUT and DELETE and for any request
   * carrying an `Idempotency-Key` header; false otherwise, so only refused connections are retried.
   */
  idempotent?: boolean;
}

/** A 2xx answer; `body` is the parsed JSON, not validated against `T`. */
export interface LayerResponse<T> {
  status: number;
  headers: ResponseHeaders;
  body: T;
}

export interface LayerClient {
  /**
   * Sends a JSON request. Throws `UpstreamHttpError` for non-2xx answers, `UpstreamUnavailableError`
   * when no answer came, and `CircuitOpenError` when the target's circuit is open.
   */
  request<T = unknown>(request: LayerRequest): Promise<LayerResponse<T>>;
  /** Closes the connection pool once in-flight requests are done. */
  close(): Promise<void>;
}

type RawResponse = BufferedResponse;

/** Client for calls between Concord's own layers, on a pooled undici connection per base URL. */
export function createLayerClient(options: LayerClientOptions): LayerClient {
  const base = new URL(options.baseUrl);
  const prefix = base.pathname.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 5_000;
  // undici's own timers bound each phase of an attempt (connect, response headers, gaps between body
  // chunks), so no AbortController or extra timer is made per request.
  const pool = new Pool(base.origin, {
    connections: options.connections ?? 32,
    connect: { timeout: timeoutMs },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  const policy = new CallPolicy({ ...options, breaker: { countInternalErrors: false, ...options.breaker } });
  const jsonAccept = { accept: 'application/json' };
  const jsonBody = { accept: 'application/json', 'content-type': 'application/json' };

  async function send(request: LayerRequest, hookHeaders: Record<string, string>): Promise<RawResponse> {
    const hasBody = request.body !== undefined;
    let raw: RawResponse;
    try {
      raw = await bufferedDispatch(pool, {
        method: request.method,
        path: buildPath(prefix, request.path, request.query),
        headers: mergeHeaders(hasBody ? jsonBody : jsonAccept, hookHeaders, request.headers),
        body: hasBody ? JSON.stringify(request.body) : null,
      });
    } catch (error) {
      throw unavailable(request.operation, error);
    }
    if (raw.status < 200 || raw.status > 299) {
      throw new UpstreamHttpError({
        system: options.system,
        operation: request.operation,
        status: raw.status,
        headers: raw.headers,
        body: parseErrorBody(raw.text),
      });
    }
    return raw;
  }

  function unavailable(operation: string, error: unknown): unknown {
    const failure = classifyTransportError(error);
    if (!failure) return error;
    const code = failure.kind === 'network' ? failure.code : undefined;
    const reason = failure.kind === 'timeout' ? 'timeout' : 'network_error';
    return new UpstreamUnavailableError(options.system, operation, reason, code, { cause: error });
  }

  return {
    async request<T>(request: LayerRequest): Promise<LayerResponse<T>> {
      const hasKey =
        request.headers !== undefined &&
        Object.keys(request.headers).some((name) => name.toLowerCase() === 'idempotency-key');
      const call = {
        operation: request.operation,
        idempotent: request.idempotent ?? isIdempotentRequest(request.method, hasKey),
      };
      const raw = await policy.run(call, async (hookHeaders) => {
        const response = await send(request, hookHeaders);
        return { status: response.status, value: response };
      });
      return {
        status: raw.status,
        headers: raw.headers,
        body: parseSuccessBody(raw.text, raw.headers['content-type']) as T,
      };
    },
    close: () => pool.close(),
  };
}
