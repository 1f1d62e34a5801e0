import { type FastifyInstance } from 'fastify';
import { MAX_API_VERSION, MIN_API_VERSION, parseApiVersion, releaseLabel } from './api-version.util.js';
import { objectSummary } from './describe.mapper.js';
import { type SalesforceSandbox } from './salesforce.state.js';
import { SOBJECT_DEFS } from './sobject.catalog.js';

type VersionParams = { Params: { version: string } };

export function registerVersionRoutes(app: FastifyInstance, sandbox: SalesforceSandbox): void {
  app.get('/services/data', () => {
    const versions = [];
    for (let major = MIN_API_VERSION; major <= MAX_API_VERSION; major += 1) {
      versions.push({ label: releaseLabel(major), url: `/services/data/v${major}.0`, version: `${major}.0` });
    }
    return versions;
  });

  app.get<VersionParams>('/services/data/:version', (request) => {
    const version = parseApiVersion(request.params.version);
    const base = `/services/data/v${version}`;
    const names = ['sobjects', 'query', 'queryAll', 'composite', 'limits', 'search', 'tooling', 'jobs'];
    return Object.fromEntries(names.map((name) => [name, `${base}/${name}`]));
  });

  app.get<VersionParams>('/services/data/:version/limits', (request) => {
    parseApiVersion(request.params.version);
    const { used, limit } = sandbox.apiUsage();
    return { DailyApiRequests: { Max: limit, Remaining: Math.max(limit - used, 0) } };
  });

  app.get<VersionParams>('/services/data/:version/sobjects', (request) => {
    const version = parseApiVersion(request.params.version);
    return {
      encoding: 'UTF-8',
      maxBatchSize: 200,
      sobjects: SOBJECT_DEFS.map((def) => objectSummary(def, version)),
    };
  });

  app.get<{ Params: { org: string; user: string } }>('/id/:org/:user', async (request, reply) => {
    if (request.params.org !== sandbox.orgId || request.params.user !== sandbox.userId) {
      return reply.code(404).send({ error: 'Not Found' });
    }
    const host = `${request.protocol}://${request.host}`;
    return {
      id: `${host}/id/${sandbox.orgId}/${sandbox.userId}`,
      user_id: sandbox.userId,
      organization_id: sandbox.orgId,
      username: 'integration@concord.sandbox',
      display_name: 'Concord Integration',
      email: 'integration@concord.sandbox',
      active: true,
      user_type: 'STANDARD',
      language: 'en_US',
      locale: 'en_US',
      utcOffset: 0,
      urls: {
        rest: `${host}/services/data/v{version}/`,
        sobjects: `${host}/services/data/v{version}/sobjects/`,
      },
    };
  });
}
