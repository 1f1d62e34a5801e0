import { type FastifyInstance } from 'fastify';
import { schemaDrift } from './schema-drift.js';
import { findObject } from './sobject.catalog.js';

interface DriftBody {
  object?: unknown;
  removeField?: unknown;
  picklist?: { field?: unknown; values?: unknown };
}

/** `POST /__admin/schema-drift` removes a field or changes a picklist; `DELETE` restores the schema. */
export function registerSchemaDriftRoutes(app: FastifyInstance): void {
  app.post<{ Body: DriftBody }>('/__admin/schema-drift', async (request, reply) => {
    const { object, removeField, picklist } = request.body ?? {};
    const def = typeof object === 'string' ? findObject(object) : undefined;
    if (!def) return reply.code(400).send({ error: 'object must name a known sObject' });
    const known = (name: unknown): name is string =>
      typeof name === 'string' && def.fields.some((field) => field.name.toLowerCase() === name.toLowerCase());
    if (removeField !== undefined) {
      if (!known(removeField))
        return reply.code(400).send({ error: 'removeField must name a field of the object' });
      schemaDrift.removeField(def.name, removeField);
    }
    if (picklist !== undefined) {
      const values = picklist.values;
      if (
        !known(picklist.field) ||
        !Array.isArray(values) ||
        !values.every((value) => typeof value === 'string')
      )
        return reply.code(400).send({ error: 'picklist must be {field, values: string[]}' });
      schemaDrift.setPicklist(def.name, picklist.field, values);
    }
    return reply.code(201).send(schemaDrift.describe());
  });

  app.delete('/__admin/schema-drift', () => {
    schemaDrift.clear();
    return schemaDrift.describe();
  });
}
