import { type FastifyInstance, type InjectOptions } from 'fastify';
import { badRequest } from './business-central.errors.js';
import { type BusinessCentralSandbox } from './business-central.state.js';
import { API_PREFIX } from './odata.routes.js';

const MAX_OPERATIONS = 100;
const FORWARDED_HEADERS = ['content-type', 'etag', 'location', 'odata-version', 'preference-applied'];

interface BatchRequest {
  id: string;
  method: InjectOptions['method'];
  url: string;
  headers: Record<string, string>;
  body?: unknown;
  dependsOn: string[];
}

interface BatchResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

function readRequests(body: unknown): BatchRequest[] {
  const requests = (body as { requests?: unknown } | null | undefined)?.requests;
  if (!Array.isArray(requests))
    throw badRequest("The batch request body must be a JSON object with a 'requests' array.");
  if (requests.length > MAX_OPERATIONS)
    throw badRequest(`A batch request can contain at most ${MAX_OPERATIONS} operations.`);
  return requests.map((entry: unknown, index) => {
    const raw = (entry ?? {}) as Record<string, unknown>;
    const method = typeof raw.method === 'string' ? raw.method.toUpperCase() : '';
    if (!['GET', 'POST', 'PATCH', 'DELETE'].includes(method) || typeof raw.url !== 'string') {
      throw badRequest(
        `Operation ${index} of the batch needs a method (GET, POST, PATCH, DELETE) and a url.`,
      );
    }
    const headers = Object.fromEntries(
      Object.entries((raw.headers ?? {}) as Record<string, unknown>).map(([name, value]) => [
        name.toLowerCase(),
        String(value),
      ]),
    );
    return {
      id: typeof raw.id === 'string' ? raw.id : String(index + 1),
      method,
      url: raw.url,
      headers,
      ...(raw.body !== undefined ? { body: raw.body } : {}),
      dependsOn: Array.isArray(raw.dependsOn) ? raw.dependsOn.map(String) : [],
    };
  });
}

/** Inner URLs are relative to the service root (`companies(...)/customers`), absolute, or rooted paths. */
function innerUrl(url: string, root: string): string {
  if (/^https?:\/\//i.test(url)) return new URL(url).pathname + new URL(url).search;
  return url.startsWith('/') ? url : `${root}/${url}`;
}

const rolledBack = (id: string): BatchResponse => ({
  id,
  status: 424,
  headers: { 'content-type': 'application/json' },
  body: {
    error: {
      code: 'BadRequest_BatchRolledBack',
      message: 'The operation was rolled back because another operation of the transactional batch failed.',
    },
  },
});

/**
 * JSON `$batch`: operations run in order through the same routes (auth, budget and faults included).
 * With `Isolation: snapshot` the batch is one transaction: a failure rolls every change back.
 */
export function registerBatchRoutes(app: FastifyInstance, state: BusinessCentralSandbox): void {
  app.post<{ Params: { tenant: string; environment: string } }>(`${API_PREFIX}/$batch`, async (request) => {
    const requests = readRequests(request.body);
    const root = `/v2.0/${request.params.tenant}/${request.params.environment}/api/v2.0`;
    const transactional = String(request.headers.isolation ?? '').toLowerCase() === 'snapshot';
    const snapshot = transactional ? state.snapshot() : undefined;
    const responses: BatchResponse[] = [];
    const statuses = new Map<string, number>();
    let failed = false;
    for (const inner of requests) {
      if ((transactional && failed) || inner.dependsOn.some((id) => (statuses.get(id) ?? 424) >= 400)) {
        responses.push(rolledBack(inner.id));
        statuses.set(inner.id, 424);
        continue;
      }
      if (/\$batch(\?|$)/.test(inner.url))
        throw badRequest('A batch request cannot contain another batch request.');
      const result = await app.inject({
        method: inner.method,
        url: innerUrl(inner.url, root),
        headers: {
          ...inner.headers,
          ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}),
          host: request.host,
          ...(inner.body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(inner.body !== undefined ? { payload: JSON.stringify(inner.body) } : {}),
      });
      let body: unknown;
      try {
        body = result.body === '' ? undefined : JSON.parse(result.body);
      } catch {
        body = result.body;
      }
      const headers = Object.fromEntries(
        FORWARDED_HEADERS.filter((name) => result.headers[name] !== undefined).map((name) => [
          name,
          String(result.headers[name]),
        ]),
      );
      responses.push({
        id: inner.id,
        status: result.statusCode,
        headers,
        ...(body !== undefined ? { body } : {}),
      });
      statuses.set(inner.id, result.statusCode);
      if (result.statusCode >= 400) failed = true;
    }
    if (transactional && failed && snapshot) {
      state.restore(snapshot);
      return {
        responses: responses.map((response) => (response.status < 400 ? rolledBack(response.id) : response)),
      };
    }
    return { responses };
  });
}
