import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ServiceTokenIssuer, ServiceTokenVerifier } from './service-token.service.js';
import { PartnerTokenService } from './partner-token.service.js';

const SECRET = 'a-partner-token-secret-of-at-least-32-chars';
const subject = { partnerId: 'p-1', credentialId: 'c-1', clientId: 'cci_x', scopes: ['customers:read'] };

describe('partner access tokens', () => {
  it('round-trip the partner and its scopes', async () => {
    const tokens = new PartnerTokenService(SECRET, 60);
    assert.deepEqual(await tokens.verify(await tokens.issue(subject)), {
      kind: 'partner',
      partnerId: 'p-1',
      credentialId: 'c-1',
      scopes: ['customers:read'],
    });
  });

  it('refuse another secret, a tampered token, and a service token of the same secret', async () => {
    const token = await new PartnerTokenService(SECRET).issue(subject);
    assert.equal(await new PartnerTokenService(`${SECRET}x`).verify(token), undefined);
    const [header, , signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'p-2', scope: 'customers:write', cid: 'c' })).toString(
      'base64url',
    );
    assert.equal(await new PartnerTokenService(SECRET).verify(`${header}.${forged}.${signature}`), undefined);
    const service = await new ServiceTokenIssuer({ secret: SECRET, app: 'x' }).tokenFor('experience');
    assert.equal(await new PartnerTokenService(SECRET).verify(service), undefined);
    assert.equal(await new ServiceTokenVerifier(SECRET, 'experience').verify(token), undefined);
  });
});
