export { businessCentralToken, salesforceToken } from '../../../test/support/sandbox.js';
import { type RunningSandbox, startSandbox, type StartSandboxOptions } from '../src/sandbox.server.js';

/** A sandbox on free ports of 127.0.0.1, so test files can run in parallel. */
export function startTestSandbox(options: StartSandboxOptions = {}): Promise<RunningSandbox> {
  return startSandbox({
    salesforcePort: 0,
    businessCentralPort: 0,
    stripePort: 0,
    host: '127.0.0.1',
    ...options,
  });
}

export interface JsonResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export async function requestJson<T = Record<string, unknown>>(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<JsonResponse<T>> {
  const hasBody = init.body !== undefined;
  const response = await fetch(url, {
    method: init.method ?? (hasBody ? 'POST' : 'GET'),
    headers: { ...(hasBody ? { 'content-type': 'application/json' } : {}), ...init.headers },
    ...(hasBody ? { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) } : {}),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: (text === '' ? undefined : JSON.parse(text)) as T,
  };
}

/** Calls a vendor server's admin API and fails loudly when the admin call itself is refused. */
export async function admin<T = Record<string, unknown>>(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await requestJson<T>(`${baseUrl}/__admin/${path}`, {
    method,
    ...(body !== undefined ? { body } : {}),
  });
  if (response.status >= 400)
    throw new Error(`admin ${method} ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
}

export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}
