import { type FastifyInstance } from 'fastify';
import { type CallCounter } from './call.counter.js';
import { type FaultStore, parseFaultSpec } from './fault.store.js';
import { type VendorAdmin } from './vendor-admin.types.js';

export interface AdminDeps {
  admin: VendorAdmin;
  faults: FaultStore;
  calls: CallCounter;
}

export function registerAdminRoutes(app: FastifyInstance, { admin, faults, calls }: AdminDeps): void {
  app.post<{ Querystring: { seed?: string } }>('/__admin/reset', (request) => {
    const seed = request.query.seed !== 'false';
    admin.reset(seed);
    faults.clear();
    calls.clear();
    return { reset: true, seeded: seed };
  });

  app.post('/__admin/seed', () => {
    admin.seed();
    return { seeded: true };
  });

  app.post('/__admin/faults', async (request, reply) => {
    const spec = parseFaultSpec(request.body);
    if (typeof spec === 'string') return reply.code(400).send({ error: spec });
    const fault = faults.add(spec);
    return reply.code(201).send({ id: fault.id, fault });
  });

  app.get('/__admin/faults', () => ({ faults: faults.list() }));

  app.delete('/__admin/faults', () => {
    faults.clear();
    return { cleared: true };
  });

  app.delete<{ Params: { id: string } }>('/__admin/faults/:id', async (request, reply) => {
    if (!faults.remove(request.params.id)) return reply.code(404).send({ error: 'no such fault' });
    return { removed: request.params.id };
  });

  app.get('/__admin/calls', () => calls.snapshot());

  app.delete('/__admin/calls', () => {
    calls.clear();
    return { cleared: true };
  });

  app.get('/__admin/records', () => ({ types: admin.recordTypes() }));

  app.get<{ Params: { type: string } }>('/__admin/records/:type', async (request, reply) => {
    const records = admin.records(request.params.type);
    if (!records) {
      return reply.code(404).send({ error: `unknown record type; known: ${admin.recordTypes().join(', ')}` });
    }
    return { type: request.params.type, count: records.length, records };
  });

  app.get('/__admin/limits', () => admin.limits());

  app.put('/__admin/limits', async (request, reply) => {
    const error = admin.updateLimits(request.body);
    if (error) return reply.code(400).send({ error });
    return admin.limits();
  });
}
