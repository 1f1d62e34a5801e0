import { type FastifyInstance } from 'fastify';
import { parseApiVersion } from './api-version.util.js';
import { toApiRecord } from './record.mapper.js';
import { normalizeId } from './salesforce-id.util.js';
import { noSuchColumn, SalesforceError } from './salesforce.errors.js';
import { type SalesforceSandbox } from './salesforce.state.js';
import { findByKeyPrefix, findField } from './sobject.catalog.js';

const MAX_RECORDS = 200;

interface RecordResult {
  id?: string;
  success: boolean;
  errors: { statusCode: string; message: string; fields: string[] }[];
  created?: boolean;
}

interface CollectionBody {
  allOrNone: boolean;
  records: Record<string, unknown>[];
}

const rolledBack = {
  statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
  message: 'Record rolled back because not all records were valid and the request was using AllOrNone header',
  fields: [],
};

function tooMany(): SalesforceError {
  return new SalesforceError(
    400,
    'EXCEEDED_ID_LIMIT',
    `record limit reached. cannot submit more than ${MAX_RECORDS} records into this call`,
  );
}

function collectionBody(body: unknown): CollectionBody {
  const raw = body as { allOrNone?: unknown; records?: unknown } | null | undefined;
  if (typeof raw !== 'object' || raw === null || !Array.isArray(raw.records)) {
    throw new SalesforceError(
      400,
      'JSON_PARSER_ERROR',
      'The request body must be an object with a records array',
    );
  }
  if (raw.records.length > MAX_RECORDS) throw tooMany();
  if (raw.records.some((record) => typeof record !== 'object' || record === null || Array.isArray(record))) {
    throw new SalesforceError(400, 'JSON_PARSER_ERROR', 'Each entry of records must be an object');
  }
  return { allOrNone: raw.allOrNone === true, records: raw.records as Record<string, unknown>[] };
}

function typeOf(record: Record<string, unknown>): string {
  const type = (record.attributes as { type?: unknown } | undefined)?.type;
  if (typeof type !== 'string')
    throw new SalesforceError(400, 'INVALID_TYPE', 'Must send a concrete entity type.');
  return type;
}

function withoutKeys(record: Record<string, unknown>, ...names: string[]): Record<string, unknown> {
  const lower = names.map((name) => name.toLowerCase());
  return Object.fromEntries(Object.entries(record).filter(([key]) => !lower.includes(key.toLowerCase())));
}

export function registerCompositeRoutes(app: FastifyInstance, sandbox: SalesforceSandbox): void {
  const { service, store } = sandbox;
  const base = '/services/data/:version/composite/sobjects';

  /** Runs one operation per record; per-record errors never fail the request, allOrNone rolls all back. */
  function runEach<T>(
    items: T[],
    allOrNone: boolean,
    op: (item: T) => RecordResult,
    idOf: (item: T) => string | undefined,
  ): RecordResult[] {
    const snapshot = allOrNone ? store.snapshot() : undefined;
    const results = items.map((item) => {
      try {
        return op(item);
      } catch (error) {
        if (!(error instanceof SalesforceError)) throw error;
        const id = idOf(item);
        return { ...(id ? { id } : {}), success: false, errors: [error.toRecordError()] };
      }
    });
    if (!snapshot || results.every((result) => result.success)) return results;
    store.restore(snapshot);
    return results.map((result, index) => {
      if (!result.success) return result;
      const id = idOf(items[index] as T);
      return { ...(id ? { id } : {}), success: false, errors: [rolledBack] };
    });
  }

  app.post<{ Params: { version: string } }>(base, (request) => {
    parseApiVersion(request.params.version);
    const { allOrNone, records } = collectionBody(request.body);
    const now = sandbox.clock.tick();
    return runEach(
      records,
      allOrNone,
      (record) => ({
        id: service.create(typeOf(record), withoutKeys(record, 'attributes'), now),
        success: true,
        errors: [],
      }),
      () => undefined,
    );
  });

  app.patch<{ Params: { version: string } }>(base, (request) => {
    parseApiVersion(request.params.version);
    const { allOrNone, records } = collectionBody(request.body);
    const now = sandbox.clock.tick();
    const idOf = (record: Record<string, unknown>) => (typeof record.id === 'string' ? record.id : undefined);
    return runEach(
      records,
      allOrNone,
      (record) => {
        const id = idOf(record);
        if (id === undefined)
          throw new SalesforceError(400, 'MISSING_ARGUMENT', 'Id not specified in an update call');
        service.update(typeOf(record), id, withoutKeys(record, 'attributes', 'id'), now);
        return { id: normalizeId(id) ?? id, success: true, errors: [] };
      },
      idOf,
    );
  });

  app.delete<{ Params: { version: string }; Querystring: { ids?: string; allOrNone?: string } }>(
    base,
    (request) => {
      parseApiVersion(request.params.version);
      const ids = (request.query.ids ?? '').split(',').filter((id) => id !== '');
      if (ids.length > MAX_RECORDS) throw tooMany();
      const now = sandbox.clock.tick();
      return runEach(
        ids,
        request.query.allOrNone === 'true',
        (id) => {
          const def = findByKeyPrefix(id);
          if (!def || !normalizeId(id)) throw new SalesforceError(400, 'MALFORMED_ID', `malformed id ${id}`);
          service.remove(def.name, id, now);
          return { id: normalizeId(id) ?? id, success: true, errors: [] };
        },
        (id) => id,
      );
    },
  );

  app.patch<{ Params: { version: string; type: string; field: string } }>(
    `${base}/:type/:field`,
    (request) => {
      parseApiVersion(request.params.version);
      const def = service.object(request.params.type);
      const field = service.externalIdField(def, request.params.field);
      const { allOrNone, records } = collectionBody(request.body);
      const now = sandbox.clock.tick();
      return runEach(
        records,
        allOrNone,
        (record) => {
          const key = Object.entries(record).find(
            ([name]) => name.toLowerCase() === field.name.toLowerCase(),
          )?.[1];
          if (typeof key !== 'string' || key === '') {
            throw new SalesforceError(400, 'MISSING_ARGUMENT', `${field.name} not specified`, [field.name]);
          }
          const outcome = service.upsert(
            def.name,
            field.name,
            key,
            withoutKeys(record, 'attributes', field.name),
            now,
          );
          if (outcome.kind === 'multiple') {
            throw new SalesforceError(
              400,
              'DUPLICATE_EXTERNAL_ID',
              `${field.name}: more than one record found for external id field: [${outcome.ids.join(', ')}]`,
              [field.name],
            );
          }
          return { id: outcome.id, success: true, errors: [], created: outcome.kind === 'created' };
        },
        () => undefined,
      );
    },
  );

  const retrieveMany = (version: string, type: string, ids: string[], fields: string[]) => {
    const def = service.object(type);
    if (ids.length > 2000) throw tooMany();
    if (fields.length === 0)
      throw new SalesforceError(400, 'MISSING_ARGUMENT', 'fields: required parameter missing');
    const selected = fields.map((name) => {
      const field = findField(def, name);
      if (!field) throw noSuchColumn(name, def.name);
      return field;
    });
    return ids.map((id) => {
      const record = store.get(def.name, normalizeId(id) ?? '');
      return record && record.IsDeleted !== true ? toApiRecord(def, record, version, selected) : null;
    });
  };

  app.get<{ Params: { version: string; type: string }; Querystring: { ids?: string; fields?: string } }>(
    `${base}/:type`,
    (request) => {
      const version = parseApiVersion(request.params.version);
      const split = (value: string | undefined) =>
        (value ?? '')
          .split(',')
          .map((v) => v.trim())
          .filter((v) => v !== '');
      return retrieveMany(
        version,
        request.params.type,
        split(request.query.ids),
        split(request.query.fields),
      );
    },
  );

  app.post<{ Params: { version: string; type: string } }>(`${base}/:type`, (request) => {
    const version = parseApiVersion(request.params.version);
    const body = request.body as { ids?: unknown; fields?: unknown } | undefined;
    const strings = (value: unknown) =>
      Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
    return retrieveMany(version, request.params.type, strings(body?.ids), strings(body?.fields));
  });
}
