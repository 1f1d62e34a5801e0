import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clientAuthenticationOf } from './client-authentication.util.js';

const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

describe('clientAuthenticationOf', () => {
  it('reads HTTP Basic with form-encoded parts, and the form body', () => {
    assert.deepEqual(clientAuthenticationOf(basic('cci_a', 'ccs_b:c'), {}), {
      kind: 'credentials',
      clientId: 'cci_a',
      clientSecret: 'ccs_b:c',
      viaBasic: true,
    });
    assert.deepEqual(clientAuthenticationOf(undefined, { client_id: 'cci_a', client_secret: 's' }), {
      kind: 'credentials',
      clientId: 'cci_a',
      clientSecret: 's',
      viaBasic: false,
    });
  });

  it('refuses both methods at once, repeated or partial body credentials, and reports none', () => {
    assert.equal(clientAuthenticationOf(basic('a', 'b'), { client_id: 'a' }).kind, 'malformed');
    assert.equal(
      clientAuthenticationOf(undefined, { client_id: ['a', 'b'], client_secret: 's' }).kind,
      'malformed',
    );
    assert.equal(clientAuthenticationOf(undefined, { client_id: 'a' }).kind, 'malformed');
    assert.equal(clientAuthenticationOf('Basic bm9jb2xvbg==', {}).kind, 'malformed');
    assert.deepEqual(clientAuthenticationOf('Bearer x', {}), { kind: 'missing', viaBasic: false });
  });
});
