import { createHash } from 'node:crypto';
import { BcError } from './business-central.errors.js';

/**
 * A weak ETag shaped like Business Central's: the base64 of `'<n>;<key>;<version>;'`, so it reads
 * `W/"JzE2O…"`. It changes on every write because the version does.
 */
export function etagFor(id: string, version: number): string {
  const key = createHash('sha256').update(id).digest('base64').slice(0, 16);
  return `W/"${Buffer.from(`'16;${key};${version};'`).toString('base64')}"`;
}

/** PATCH needs If-Match (`*` or the current ETag); a stale ETag is a conflict. */
export function checkIfMatch(
  header: string | undefined,
  id: string,
  version: number,
  required: boolean,
): void {
  if (header === undefined || header.trim() === '') {
    if (!required) return;
    throw new BcError(
      400,
      'BadRequest_InvalidToken',
      'Could not validate the client concurrency token required by the service. Please provide a valid token in the client request.',
    );
  }
  const tokens = header.split(',').map((token) => token.trim());
  if (tokens.includes('*') || tokens.includes(etagFor(id, version))) return;
  if (!tokens.every((token) => /^W\/".+"$/.test(token))) {
    throw new BcError(400, 'BadRequest_InvalidToken', `The ETag value '${header}' is not valid.`);
  }
  throw new BcError(409, 'Request_EntityChanged', 'Another user has already changed the record.');
}
