export type ClientAuthentication =
  | { kind: 'credentials'; clientId: string; clientSecret: string; viaBasic: boolean }
  | { kind: 'missing'; viaBasic: boolean }
  | { kind: 'malformed'; reason: string; viaBasic: boolean };

/**
 * Client credentials from HTTP Basic (RFC 6749 §2.3.1: each part form-urlencoded) or the form body;
 * never both at once.
 */
export function clientAuthenticationOf(
  authorization: string | undefined,
  body: Record<string, unknown>,
): ClientAuthentication {
  const inBody = body.client_id !== undefined || body.client_secret !== undefined;
  const basic = /^Basic\s+(\S+)$/i.exec(authorization?.trim() ?? '');
  if (basic?.[1]) {
    if (inBody) return { kind: 'malformed', reason: 'use one client authentication method', viaBasic: true };
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return { kind: 'malformed', reason: 'malformed Basic credentials', viaBasic: true };
    try {
      return {
        kind: 'credentials',
        clientId: decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' ')),
        clientSecret: decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' ')),
        viaBasic: true,
      };
    } catch {
      return { kind: 'malformed', reason: 'malformed Basic credentials', viaBasic: true };
    }
  }
  if (!inBody) return { kind: 'missing', viaBasic: false };
  if (typeof body.client_id !== 'string' || typeof body.client_secret !== 'string')
    return {
      kind: 'malformed',
      reason: 'client_id and client_secret must be given once each',
      viaBasic: false,
    };
  return { kind: 'credentials', clientId: body.client_id, clientSecret: body.client_secret, viaBasic: false };
}
