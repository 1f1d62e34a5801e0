export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface LayerRequestShape {
  method: HttpMethod;
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  operation: string;
  idempotent?: boolean;
}

/** What a typed client needs from the HTTP layer: the pooled layer client satisfies it. */
export interface LayerTransport {
  request<T = unknown>(request: LayerRequestShape): Promise<{ status: number; body: T }>;
}
