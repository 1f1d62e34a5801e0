import { type FastifyRequest } from 'fastify';
import { expand } from './expand.util.js';
import { presentObject } from './presenters.js';
import { type RequestMeta, type StripeSandbox } from './stripe.state.js';
import { Params } from './stripe-params.util.js';
import { type StripeObject } from './stripe-object.types.js';

const requestIds = new WeakMap<FastifyRequest, string>();

export function rememberRequestId(request: FastifyRequest, id: string): void {
  requestIds.set(request, id);
}

export function requestMeta(request: FastifyRequest): RequestMeta {
  const key = request.headers['idempotency-key'];
  return { id: requestIds.get(request) ?? null, idempotencyKey: typeof key === 'string' ? key : null };
}

/** GET and DELETE carry parameters in the query string; POST in the form body. */
export function paramsOf(request: FastifyRequest): Params {
  return Params.of(request.method === 'POST' ? request.body : request.query);
}

export function expandPaths(params: Params, prefix = ''): string[] {
  return (params.strings('expand') ?? [])
    .filter((path) => path.startsWith(prefix))
    .map((path) => path.slice(prefix.length))
    .filter((path) => path !== '');
}

export function render(
  sandbox: StripeSandbox,
  object: StripeObject,
  paths: readonly string[],
): Record<string, unknown> {
  return expand(presentObject(sandbox, object), paths, (id) => {
    const found = sandbox.findAny(id);
    return found ? presentObject(sandbox, found) : undefined;
  });
}

/** The answer for one object, with the request's `expand[]` applied. */
export function respond(
  sandbox: StripeSandbox,
  request: FastifyRequest,
  object: StripeObject,
): Record<string, unknown> {
  return render(sandbox, object, expandPaths(paramsOf(request)));
}

/** Renderer for list items: `expand[]=data.customer` expands `customer` on each item. */
export function listRenderer(
  sandbox: StripeSandbox,
  params: Params,
): (object: StripeObject) => Record<string, unknown> {
  const paths = expandPaths(params, 'data.');
  return (object) => render(sandbox, object, paths);
}

export function deleted(id: string, object: string): { id: string; object: string; deleted: true } {
  return { id, object, deleted: true };
}
