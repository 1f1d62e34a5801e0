import { type FastifyInstance } from 'fastify';
import { majorOf, parseApiVersion } from './api-version.util.js';
import { describeObject, objectSummary } from './describe.mapper.js';
import { recordUrl, toApiRecord } from './record.mapper.js';
import { noSuchColumn, SalesforceError } from './salesforce.errors.js';
import { type SalesforceSandbox } from './salesforce.state.js';
import { findField } from './sobject.catalog.js';
import { type SfField, type SObjectDef } from './sobject.types.js';

type TypeParams = { version: string; type: string };
type IdParams = TypeParams & { id: string };
type ExtParams = TypeParams & { field: string; value: string };

function selectedFields(def: SObjectDef, fields: string | undefined): SfField[] | undefined {
  if (fields === undefined || fields.trim() === '') return undefined;
  const selected = fields.split(',').map((name) => {
    const field = findField(def, name.trim());
    if (!field) throw noSuchColumn(name.trim(), def.name);
    return field;
  });
  const id = findField(def, 'Id');
  return id && !selected.includes(id) ? [...selected, id] : selected;
}

export function registerSObjectRoutes(app: FastifyInstance, sandbox: SalesforceSandbox): void {
  const { service, store } = sandbox;
  const base = '/services/data/:version/sobjects';

  app.get<{ Params: TypeParams }>(`${base}/:type`, (request) => {
    const version = parseApiVersion(request.params.version);
    const def = service.object(request.params.type);
    const recentItems = store
      .rows(def.name)
      .slice(-3)
      .map((row) =>
        toApiRecord(
          def,
          row,
          version,
          def.fields.filter((f) => f.name === 'Id' || f.name === 'Name'),
        ),
      );
    return { objectDescribe: objectSummary(def, version), recentItems };
  });

  app.get<{ Params: TypeParams }>(`${base}/:type/describe`, (request) => {
    const version = parseApiVersion(request.params.version);
    return describeObject(service.object(request.params.type), version);
  });

  app.post<{ Params: TypeParams }>(`${base}/:type`, async (request, reply) => {
    parseApiVersion(request.params.version);
    const id = service.create(request.params.type, request.body, sandbox.clock.tick());
    return reply.code(201).send({ id, success: true, errors: [] });
  });

  app.get<{ Params: IdParams; Querystring: { fields?: string } }>(`${base}/:type/:id`, (request) => {
    const version = parseApiVersion(request.params.version);
    const def = service.object(request.params.type);
    const fields = selectedFields(def, request.query.fields);
    return toApiRecord(def, service.existing(def, request.params.id), version, fields);
  });

  app.patch<{ Params: IdParams }>(`${base}/:type/:id`, async (request, reply) => {
    parseApiVersion(request.params.version);
    service.update(request.params.type, request.params.id, request.body, sandbox.clock.tick());
    return reply.code(204).send();
  });

  app.delete<{ Params: IdParams }>(`${base}/:type/:id`, async (request, reply) => {
    parseApiVersion(request.params.version);
    service.remove(request.params.type, request.params.id, sandbox.clock.tick());
    return reply.code(204).send();
  });

  app.get<{ Params: ExtParams; Querystring: { fields?: string } }>(
    `${base}/:type/:field/:value`,
    async (request, reply) => {
      const version = parseApiVersion(request.params.version);
      const def = service.object(request.params.type);
      const field = service.externalIdField(def, request.params.field);
      const matches = service.findByExternalId(def, field, request.params.value);
      if (matches.length > 1)
        return reply.code(300).send(matches.map((row) => recordUrl(version, def.name, String(row.Id))));
      const record = matches[0];
      if (!record) throw new SalesforceError(404, 'NOT_FOUND', 'The requested resource does not exist');
      return toApiRecord(def, record, version, selectedFields(def, request.query.fields));
    },
  );

  app.patch<{ Params: ExtParams }>(`${base}/:type/:field/:value`, async (request, reply) => {
    const version = parseApiVersion(request.params.version);
    const def = service.object(request.params.type);
    const field = service.externalIdField(def, request.params.field);
    const body: unknown = request.body;
    if (
      typeof body === 'object' &&
      body !== null &&
      Object.keys(body).some((key) => key.toLowerCase() === field.name.toLowerCase())
    ) {
      throw new SalesforceError(
        400,
        'INVALID_FIELD',
        `The ${field.name} field should not be specified in the sobject data.`,
        [field.name],
      );
    }
    const outcome = service.upsert(
      def.name,
      field.name,
      request.params.value,
      body ?? {},
      sandbox.clock.tick(),
    );
    if (outcome.kind === 'multiple') {
      return reply.code(300).send(outcome.ids.map((id) => recordUrl(version, def.name, id)));
    }
    if (outcome.kind === 'created')
      return reply.code(201).send({ id: outcome.id, success: true, errors: [], created: true });
    // Before API v46 an update through upsert answered 204 with no body.
    if (majorOf(version) < 46) return reply.code(204).send();
    return reply.code(200).send({ id: outcome.id, success: true, errors: [], created: false });
  });

  app.delete<{ Params: ExtParams }>(`${base}/:type/:field/:value`, async (request, reply) => {
    const version = parseApiVersion(request.params.version);
    const def = service.object(request.params.type);
    const field = service.externalIdField(def, request.params.field);
    const matches = service.findByExternalId(def, field, request.params.value);
    if (matches.length > 1)
      return reply.code(300).send(matches.map((row) => recordUrl(version, def.name, String(row.Id))));
    const record = matches[0];
    if (!record) throw new SalesforceError(404, 'NOT_FOUND', 'The requested resource does not exist');
    service.remove(def.name, String(record.Id), sandbox.clock.tick());
    return reply.code(204).send();
  });
}
