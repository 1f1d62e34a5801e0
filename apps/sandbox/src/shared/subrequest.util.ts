import { randomUUID } from 'node:crypto';
import { type FastifyRequest } from 'fastify';

/**
 * A request a vendor runs on the caller's behalf inside one call (a Salesforce composite subrequest).
 * It carries a secret only this process knows, so it cannot be forged from outside, and is neither
 * counted as an API call nor given faults of its own: the enclosing call already was.
 */
export const SUBREQUEST_HEADER = 'x-sandbox-subrequest';
export const SUBREQUEST_TOKEN = randomUUID();

export function isSubrequest(request: FastifyRequest): boolean {
  return request.headers[SUBREQUEST_HEADER] === SUBREQUEST_TOKEN;
}
