import { type FastifyInstance } from 'fastify';
import { isControlPath, pathOf } from '../shared/control-path.util.js';
import { isSubrequest } from '../shared/subrequest.util.js';
import { invalidSession, requestLimitExceeded } from './salesforce.errors.js';
import { type SalesforceSandbox } from './salesforce.state.js';

const VERSIONS_LIST = /^\/services\/data\/?$/;

function needsSession(path: string): boolean {
  return (path.startsWith('/services/data/') && !VERSIONS_LIST.test(path)) || path.startsWith('/id/');
}

/**
 * Bearer session check and the org's daily API allowance. Salesforce reports usage on every REST answer
 * and refuses calls past the allowance with 403 REQUEST_LIMIT_EXCEEDED (not 429, and no Retry-After).
 */
export function installApiGuard(app: FastifyInstance, sandbox: SalesforceSandbox): void {
  app.addHook('onRequest', async (request, reply) => {
    const path = pathOf(request.url);
    if (isControlPath(path) || !needsSession(path)) return;
    const header = request.headers.authorization;
    const token =
      header?.startsWith('Bearer ') || header?.startsWith('OAuth ') ? header.split(' ')[1] : undefined;
    if (!token || !sandbox.isValidToken(token)) return reply.code(401).send(invalidSession().toBody());
    // A composite call counts once, however many subrequests it runs.
    if (isSubrequest(request)) return;
    const usage = sandbox.countApiCall();
    if (usage.used > usage.limit) return reply.code(403).send(requestLimitExceeded().toBody());
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (pathOf(request.url).startsWith('/services/data') && !reply.hasHeader('sforce-limit-info')) {
      const { used, limit } = sandbox.apiUsage();
      reply.header('Sforce-Limit-Info', `api-usage=${used}/${limit}`);
    }
    return payload;
  });
}
