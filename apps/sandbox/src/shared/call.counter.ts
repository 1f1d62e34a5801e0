import { type FastifyInstance, type FastifyRequest } from 'fastify';
import { isControlPath } from './control-path.util.js';
import { isSubrequest } from './subrequest.util.js';

export type RouteLabeler = (request: FastifyRequest) => string;

export class CallCounter {
  private total = 0;
  private readonly perRoute = new Map<string, number>();

  record(label: string): void {
    this.total += 1;
    this.perRoute.set(label, (this.perRoute.get(label) ?? 0) + 1);
  }

  snapshot(): { total: number; routes: Record<string, number> } {
    return {
      total: this.total,
      routes: Object.fromEntries([...this.perRoute].sort(([a], [b]) => a.localeCompare(b))),
    };
  }

  clear(): void {
    this.total = 0;
    this.perRoute.clear();
  }
}

export function installCallCounting(
  app: FastifyInstance,
  counter: CallCounter,
  labeler?: RouteLabeler,
): void {
  app.addHook('onRequest', (request, _reply, done) => {
    if (!isControlPath(request.url) && !isSubrequest(request)) {
      const route = labeler ? labeler(request) : (request.routeOptions.url ?? '(no route)');
      counter.record(`${request.method} ${route}`);
    }
    done();
  });
}
