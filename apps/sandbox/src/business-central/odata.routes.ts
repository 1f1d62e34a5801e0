import { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { type EntityDef } from './bc-entity.types.js';
import { BcError, badRequest, notFoundSegment } from './business-central.errors.js';
import { type BusinessCentralSandbox, type Company, type Row } from './business-central.state.js';
import { DocumentActions } from './document-actions.service.js';
import { type EntityService } from './entity.service.js';
import { etagFor } from './etag.util.js';
import { findEntity } from './entity.registry.js';
import { readCollection } from './odata-collection.service.js';
import { parseQueryOptions } from './odata-query.service.js';
import { parseODataPath, type PathSegment } from './odata-path.parser.js';
import { contextUrl, renderRow, type Scope } from './odata-render.js';
import { isGuid } from './value.validator.js';

export const API_PREFIX = '/v2.0/:tenant/:environment/api/v2.0';
export const TENANT = 'concord';
export const ENVIRONMENT = 'sandbox';

type Target =
  | { kind: 'companies' }
  | { kind: 'company'; company: Company }
  | { kind: 'collection'; scope: Scope }
  | { kind: 'entity'; scope: Scope; row: Row }
  | { kind: 'action'; scope: Scope; row: Row; action: string };

type ApiRequest = FastifyRequest<{ Params: { tenant: string; environment: string; '*': string } }>;

export function apiBase(request: FastifyRequest, tenant = TENANT, environment = ENVIRONMENT): string {
  return `${request.protocol}://${request.host}/v2.0/${tenant}/${environment}/api/v2.0`;
}

function companyJson(company: Company): Record<string, unknown> {
  return { '@odata.etag': etagFor(company.id, 1), ...company };
}

export function registerODataRoutes(
  app: FastifyInstance,
  state: BusinessCentralSandbox,
  service: EntityService,
): void {
  const actions = new DocumentActions(state, service);

  function rowOf(scope: Scope, key: string): Row {
    if (!isGuid(key))
      throw badRequest(`Cannot convert the literal '${key}' to the expected type 'Edm.Guid'.`);
    return service.get(scope.company, scope.def, key, scope.parent?.id);
  }

  function resolve(base: string, segments: PathSegment[]): Target {
    const [first, second, third, ...rest] = segments;
    if (!first || first.name !== 'companies' || rest.length > 0) throw notFoundSegment(first?.name ?? '');
    if (first.key === undefined) {
      if (second) throw notFoundSegment(second.name);
      return { kind: 'companies' };
    }
    const company = state.companies.find((candidate) => candidate.id === first.key?.toLowerCase());
    if (!company) throw notFoundSegment('companies');
    if (!second) return { kind: 'company', company };
    const def = findEntity(second.name);
    if (!def) throw notFoundSegment(second.name);
    const scope: Scope = { base, company: company.id, def };
    if (second.key === undefined) {
      if (third) throw notFoundSegment(third.name);
      return { kind: 'collection', scope };
    }
    const row = rowOf(scope, second.key);
    if (!third) return { kind: 'entity', scope, row };
    if (third.name.startsWith('Microsoft.NAV.') && third.key === undefined)
      return { kind: 'action', scope, row, action: third.name };
    const childDef: EntityDef | undefined = findEntity(def.children?.[third.name] ?? '');
    if (!childDef) throw notFoundSegment(third.name);
    const childScope: Scope = {
      base,
      company: company.id,
      def: childDef,
      parent: { set: def.set, id: String(row.data.id) },
    };
    if (third.key === undefined) return { kind: 'collection', scope: childScope };
    return { kind: 'entity', scope: childScope, row: rowOf(childScope, third.key) };
  }

  function target(request: ApiRequest): Target {
    const { tenant, environment } = request.params;
    if (tenant !== TENANT || environment !== ENVIRONMENT) {
      throw new BcError(
        404,
        'BadRequest_NotFound',
        `The environment '${environment}' of tenant '${tenant}' was not found.`,
      );
    }
    return resolve(apiBase(request), parseODataPath(request.params['*']));
  }

  const methodNotAllowed = (request: FastifyRequest): BcError =>
    new BcError(
      405,
      'BadRequest_MethodNotAllowed',
      `'${request.method}' requests are not allowed for this resource.`,
    );

  const sendEntity = (reply: FastifyReply, scope: Scope, row: Row, status: number) => {
    reply.header('ETag', etagFor(String(row.data.id), row.version));
    return reply
      .code(status)
      .send({ '@odata.context': contextUrl(scope, undefined, true), ...renderRow(service, scope, row) });
  };

  app.get(`${API_PREFIX}/*`, async (request: ApiRequest, reply) => {
    const found = target(request);
    const base = apiBase(request);
    switch (found.kind) {
      case 'companies':
        return {
          '@odata.context': `${base}/$metadata#companies`,
          value: state.companies.map((company) => companyJson(company)),
        };
      case 'company':
        return { '@odata.context': `${base}/$metadata#companies/$entity`, ...companyJson(found.company) };
      case 'collection':
        return readCollection(request, reply, state, service, found.scope);
      case 'entity': {
        const options = parseQueryOptions(found.scope.def, request.query as Record<string, unknown>);
        return {
          '@odata.context': contextUrl(found.scope, options.select, true),
          ...renderRow(service, found.scope, found.row, options.select, options.expand),
        };
      }
      case 'action':
        throw methodNotAllowed(request);
    }
  });

  app.post(`${API_PREFIX}/*`, async (request: ApiRequest, reply) => {
    const found = target(request);
    if (found.kind === 'action') {
      actions.run(found.scope.company, found.scope.def.set, found.row, found.action);
      return reply.code(204).send();
    }
    if (found.kind !== 'collection') throw methodNotAllowed(request);
    const row = service.create(found.scope.company, found.scope.def, request.body, found.scope.parent?.id);
    reply.header(
      'Location',
      `${found.scope.base}/companies(${found.scope.company})/${found.scope.def.set}(${String(row.data.id)})`,
    );
    return sendEntity(reply, found.scope, row, 201);
  });

  app.patch(`${API_PREFIX}/*`, async (request: ApiRequest, reply) => {
    const found = target(request);
    if (found.kind !== 'entity') throw methodNotAllowed(request);
    const ifMatch = request.headers['if-match'];
    const row = service.update(
      found.scope.company,
      found.scope.def,
      found.row,
      request.body,
      typeof ifMatch === 'string' ? ifMatch : undefined,
    );
    return sendEntity(reply, found.scope, row, 200);
  });

  app.delete(`${API_PREFIX}/*`, async (request: ApiRequest, reply) => {
    const found = target(request);
    if (found.kind !== 'entity') throw methodNotAllowed(request);
    const ifMatch = request.headers['if-match'];
    service.remove(
      found.scope.company,
      found.scope.def,
      found.row,
      typeof ifMatch === 'string' ? ifMatch : undefined,
    );
    return reply.code(204).send();
  });
}
