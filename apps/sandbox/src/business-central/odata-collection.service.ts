import { type FastifyReply, type FastifyRequest } from 'fastify';
import { type BcRecord } from './bc-entity.types.js';
import { BcError } from './business-central.errors.js';
import { type BusinessCentralSandbox, type Row } from './business-central.state.js';
import { decodeDeltaToken, encodeDeltaToken, encodeSkipToken } from './delta-token.util.js';
import { type EntityService } from './entity.service.js';
import { applyOrder, parseQueryOptions, type QueryOptions } from './odata-query.service.js';
import { collectionPath, contextUrl, renderRow, type Scope } from './odata-render.js';

type Item = { row: Row; record: BcRecord };

/** The request URL with `$skiptoken` replaced; other options carry over to the next page. */
function nextLink(request: FastifyRequest, skipToken: string): string {
  const [path = '', query = ''] = request.url.split('?');
  const kept = query
    .split('&')
    .filter((part) => part !== '' && decodeURIComponent(part.split('=')[0] ?? '') !== '$skiptoken');
  return `${request.protocol}://${request.host}${path}?${[...kept, `$skiptoken=${skipToken}`].join('&')}`;
}

function deltaLink(state: BusinessCentralSandbox, scope: Scope, options: QueryOptions, seq: number): string {
  const token = encodeDeltaToken({
    epoch: state.epoch,
    company: scope.company,
    set: scope.def.set,
    parent: scope.parent?.id ?? null,
    seq,
    issuedAt: Date.now(),
  });
  // The delta link keeps the query's shape, as Business Central's does.
  const select = options.select ? `&$select=${options.select.join(',')}` : '';
  const expand = options.expand.length > 0 ? `&$expand=${options.expand.join(',')}` : '';
  return `${scope.base}/${collectionPath(scope)}?$deltatoken=${token}${select}${expand}`;
}

function readDelta(
  reply: FastifyReply,
  state: BusinessCentralSandbox,
  service: EntityService,
  items: Item[],
  scope: Scope,
  options: QueryOptions,
  raw: string,
): Record<string, unknown> {
  const token = decodeDeltaToken(raw);
  const ttlMs = state.limitsRegistry.get('deltaTokenTtlSeconds') * 1000;
  const valid =
    token !== undefined &&
    token.epoch === state.epoch &&
    token.company === scope.company &&
    token.set === scope.def.set &&
    token.parent === (scope.parent?.id ?? null) &&
    Date.now() - token.issuedAt <= ttlMs;
  if (!valid || !token) {
    reply.header('Location', `${scope.base}/${collectionPath(scope)}`);
    throw new BcError(
      410,
      'Gone',
      'The delta token is no longer valid. Read the collection again to get a new baseline.',
    );
  }
  const changed = items.filter((item) => item.row.seq > token.seq).sort((a, b) => a.row.seq - b.row.seq);
  const deleted = state
    .tombstonesAfter(scope.company, scope.def.set, token.seq)
    .filter((tombstone) => !scope.parent || tombstone.parent === scope.parent.id)
    .map((tombstone) => ({
      '@odata.context': `${scope.base}/$metadata#${collectionPath(scope)}/$deletedEntity`,
      id: tombstone.id,
    }));
  return {
    '@odata.context': contextUrl(scope, options.select, false),
    value: [
      ...changed.map((item) => renderRow(service, scope, item.row, options.select, options.expand)),
      ...deleted,
    ],
    '@odata.deltaLink': deltaLink(state, scope, options, state.currentSeq()),
  };
}

/** GET on an entity set: $filter, $orderby, $skip, $top, $count, $select, $expand, server paging and change tracking. */
export function readCollection(
  request: FastifyRequest,
  reply: FastifyReply,
  state: BusinessCentralSandbox,
  service: EntityService,
  scope: Scope,
): Record<string, unknown> {
  const options = parseQueryOptions(scope.def, request.query as Record<string, unknown>);
  const all: Item[] = service
    .rows(scope.company, scope.def, scope.parent?.id, options.probes)
    .map((row) => ({ row, record: service.computed(scope.company, scope.def, row) }));
  const filtered = options.filter ? all.filter((item) => options.filter?.(item.record)) : all;
  if (options.deltaToken !== undefined)
    return readDelta(reply, state, service, filtered, scope, options, options.deltaToken);
  const continuesTracking = options.skipToken !== undefined && options.skipToken.seq !== null;
  const tracking = continuesTracking || /odata\.track-changes/i.test(String(request.headers.prefer ?? ''));
  if (tracking) reply.header('Preference-Applied', 'odata.track-changes');
  const ordered = applyOrder(scope.def, filtered, options.orderBy, (item) => item.record);
  const window = ordered.slice(
    options.skip,
    options.top === undefined ? undefined : options.skip + options.top,
  );
  const pageSize = state.limitsRegistry.get('pageSize');
  const offset = options.skipToken?.offset ?? 0;
  const page = window.slice(offset, offset + pageSize);
  const more = offset + pageSize < window.length;
  const seq = options.skipToken?.seq ?? state.currentSeq();
  return {
    '@odata.context': contextUrl(scope, options.select, false),
    ...(options.count ? { '@odata.count': filtered.length } : {}),
    value: page.map((item) => renderRow(service, scope, item.row, options.select, options.expand)),
    ...(more
      ? { '@odata.nextLink': nextLink(request, encodeSkipToken(offset + pageSize, tracking ? seq : null)) }
      : {}),
    ...(!more && tracking ? { '@odata.deltaLink': deltaLink(state, scope, options, seq) } : {}),
  };
}
