import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SignJWT } from 'jose';
import { ServiceTokenIssuer, ServiceTokenVerifier } from './service-token.service.js';

const secret = 'a-service-token-secret-of-thirty-two-chars';

describe('service tokens', () => {
  it('are accepted by the layer they are addressed to, and name the caller', async () => {
    const token = await new ServiceTokenIssuer({ secret, app: 'process-onboarding' }).tokenFor('system');
    assert.equal(await new ServiceTokenVerifier(secret, 'system').verify(token), 'process-onboarding');
  });

  it('are refused by another layer, with another secret, or once expired', async () => {
    const token = await new ServiceTokenIssuer({ secret, app: 'experience-partner' }).tokenFor('process');
    assert.equal(await new ServiceTokenVerifier(secret, 'system').verify(token), undefined);
    assert.equal(await new ServiceTokenVerifier(`${secret}-other`, 'process').verify(token), undefined);
    const expired = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('concord:experience-partner')
      .setAudience('concord:process')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(secret));
    assert.equal(await new ServiceTokenVerifier(secret, 'process').verify(expired), undefined);
  });

  it('refuses unsigned tokens', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const body = Buffer.from(
      JSON.stringify({ iss: 'concord:x', aud: 'concord:system', exp: 9999999999 }),
    ).toString('base64url');
    assert.equal(await new ServiceTokenVerifier(secret, 'system').verify(`${header}.${body}.`), undefined);
  });

  it('reuses a token until it is half way to expiry', async () => {
    const issuer = new ServiceTokenIssuer({ secret, app: 'a', ttlSeconds: 60 });
    assert.equal(await issuer.tokenFor('system'), await issuer.tokenFor('system'));
  });
});
