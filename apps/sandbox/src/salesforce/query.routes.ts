import { type FastifyInstance, type FastifyRequest } from 'fastify';
import { parseApiVersion } from './api-version.util.js';
import { openCursor, queryPage, readCursor } from './query.cursors.js';
import { SalesforceError } from './salesforce.errors.js';
import { type SalesforceSandbox } from './salesforce.state.js';
import { runQuery } from './soql.evaluator.js';

type QueryRequest = FastifyRequest<{ Params: { version: string }; Querystring: { q?: string } }>;
type LocatorRequest = FastifyRequest<{ Params: { version: string; locator: string } }>;

/** `Sforce-Query-Options: batchSize=n` asks for smaller pages; Salesforce honours 200–2000. */
function requestedBatchSize(request: FastifyRequest): number | undefined {
  const header = request.headers['sforce-query-options'];
  const match = typeof header === 'string' ? /batchSize=(\d+)/i.exec(header) : null;
  return match ? Math.min(Math.max(Number(match[1]), 200), 2000) : undefined;
}

export function registerQueryRoutes(app: FastifyInstance, sandbox: SalesforceSandbox): void {
  const query = (includeDeleted: boolean) => (request: QueryRequest) => {
    const version = parseApiVersion(request.params.version);
    const soql = request.query.q;
    if (soql === undefined || soql.trim() === '') {
      throw new SalesforceError(
        400,
        'MALFORMED_QUERY',
        'A query string is required: pass it as the q parameter',
      );
    }
    const { totalSize, rows } = runQuery(soql, sandbox.store, includeDeleted, version);
    const configured = sandbox.limitsRegistry.get('queryPageSize');
    const pageSize = Math.min(configured, requestedBatchSize(request) ?? configured);
    const cursor = { rows, totalSize, pageSize };
    const locator = rows.length > pageSize ? openCursor(sandbox.cursors, cursor) : undefined;
    return queryPage(version, locator, cursor, 0);
  };

  const more = (request: LocatorRequest) => {
    const version = parseApiVersion(request.params.version);
    const match = /^(01g[0-9A-Za-z]{15})-(\d+)$/.exec(request.params.locator);
    const cursor = match?.[1] ? readCursor(sandbox.cursors, match[1]) : undefined;
    if (!match?.[1] || !cursor)
      throw new SalesforceError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
    return queryPage(version, match[1], cursor, Number(match[2]));
  };

  app.get('/services/data/:version/query', query(false));
  app.get('/services/data/:version/queryAll', query(true));
  app.get('/services/data/:version/query/:locator', more);
  app.get('/services/data/:version/queryAll/:locator', more);
}
