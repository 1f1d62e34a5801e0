import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { Registry } from 'prom-client';

/** A request as the throwaway server received it. */
export interface ReceivedRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

export type TestHandler = (request: ReceivedRequest, response: ServerResponse, callNumber: number) => void;

/** Throwaway HTTP server on 127.0.0.1 with a random port that records every request it gets. */
export interface TestServer {
  url: string;
  received: ReceivedRequest[];
  /** Replaces the handler for the following requests. */
  handle(handler: TestHandler): void;
  close(): Promise<void>;
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

export async function startTestServer(handler: TestHandler): Promise<TestServer> {
  let current = handler;
  const received: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: ReceivedRequest = {
        method: req.method ?? '',
        url: new URL(req.url ?? '/', 'http://127.0.0.1'),
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      };
      received.push(request);
      current(request, res, received.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    handle(next) {
      current = next;
    },
    close() {
      // Drops kept-alive and deliberately unanswered connections, so close() never waits on a client.
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A 127.0.0.1 address where nothing listens: the port was bound once and released. */
export async function refusedUrl(): Promise<string> {
  const server = await startTestServer(() => undefined);
  await server.close();
  return server.url;
}

/**
 * Current value of a metric sample with exactly these labels (0 when never written); `sample` picks a
 * histogram series such as `<name>_count`.
 */
export async function metricValue(
  registry: Registry,
  name: string,
  labels: Record<string, string>,
  sample = name,
): Promise<number> {
  const metric = registry.getSingleMetric(name);
  if (!metric) return 0;
  const { values } = await metric.get();
  const wanted = Object.entries(labels);
  const found = values.find(
    (value: { value: number; labels: Record<string, string | number | undefined>; metricName?: string }) =>
      (value.metricName ?? name) === sample &&
      Object.keys(value.labels).length === wanted.length &&
      wanted.every(([key, expected]) => value.labels[key] === expected),
  );
  return found?.value ?? 0;
}

/** Fresh registry and unique system name, so tests never share metrics or a circuit breaker. */
export function isolatedTarget(): { registry: Registry; system: string } {
  return { registry: new Registry(), system: `system-test-${crypto.randomUUID()}` };
}
