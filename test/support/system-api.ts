import { type Stack } from './stack.js';

export interface ApiAnswer<T> {
  status: number;
  headers: Headers;
  body: T;
}

export type SystemApiCall = <T = Record<string, unknown>>(
  method: string,
  path: string,
  body?: unknown,
  key?: string,
  headers?: Record<string, string>,
) => Promise<ApiAnswer<T>>;

/**
 * Calls one app of a stack with a service token: JSON in and out, an optional Idempotency-Key, and
 * the parsed answer (undefined for an empty body) with its status and headers.
 */
export function systemApi(stack: () => Stack, app: string, token: () => string): SystemApiCall {
  return async <T>(
    method: string,
    path: string,
    body?: unknown,
    key?: string,
    headers: Record<string, string> = {},
  ): Promise<ApiAnswer<T>> => {
    const response = await fetch(`${stack().url(app)}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token()}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(key ? { 'idempotency-key': key } : {}),
        ...headers,
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: (text ? JSON.parse(text) : undefined) as T,
    };
  };
}
