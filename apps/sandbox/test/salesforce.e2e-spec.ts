import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { exportSPKI, generateKeyPair, SignJWT } from 'jose';
import jsforce from 'jsforce';
import { type RunningSandbox } from '../src/sandbox.server.js';
import { admin, requestJson, salesforceToken, startTestSandbox, uniqueSuffix } from './sandbox-test.util.js';

type SaveResult = {
  id?: string;
  success: boolean;
  errors: { statusCode?: string; errorCode?: string; message: string }[];
  created?: boolean;
};
type HttpError = Error & { errorCode?: string; data?: unknown };

async function rejection(promise: PromiseLike<unknown>): Promise<HttpError> {
  try {
    await promise;
  } catch (error) {
    return error as HttpError;
  }
  throw new Error('expected the call to fail');
}

describe('Salesforce sandbox with jsforce', () => {
  let sandbox: RunningSandbox;
  let conn: jsforce.Connection;
  let keys: Awaited<ReturnType<typeof generateKeyPair>>;

  before(async () => {
    keys = await generateKeyPair('RS256');
    sandbox = await startTestSandbox({ salesforce: { jwtPublicKeyPem: await exportSPKI(keys.publicKey) } });
    conn = new jsforce.Connection({
      oauth2: { loginUrl: sandbox.urls.salesforce, clientId: 'concord', clientSecret: 'concord-secret' },
      version: '59.0',
    });
    await conn.authorize({ grant_type: 'client_credentials' });
  });

  after(async () => sandbox.close());

  it('logs jsforce in with OAuth2 client credentials and answers its identity call', async () => {
    assert.equal(conn.instanceUrl, sandbox.urls.salesforce);
    const identity = await conn.identity();
    assert.match(identity.user_id, /^005\w{15}$/);
    assert.match(identity.organization_id, /^00D\w{15}$/);
  });

  it('issues tokens for client credentials and refuses a wrong secret', async () => {
    const ok = await salesforceToken(sandbox.urls.salesforce);
    assert.match(ok.access_token, /^00D\w{12}!/);
    assert.equal(ok.instance_url, sandbox.urls.salesforce);
    const bad = await fetch(`${sandbox.urls.salesforce}/services/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&client_id=concord&client_secret=nope',
    });
    assert.equal(bad.status, 400);
    assert.deepEqual(await bad.json(), {
      error: 'invalid_client',
      error_description: 'invalid client credentials',
    });
  });

  it('accepts a signed JWT bearer assertion and refuses a bad signature or a far expiry', async () => {
    const sign = (key: Parameters<SignJWT['sign']>[0], expiresIn: string) =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'RS256' })
        .setIssuer('concord')
        .setSubject('integration@concord.sandbox')
        .setAudience('https://login.salesforce.com')
        .setExpirationTime(expiresIn)
        .sign(key);
    const grant = async (assertion: string) =>
      requestJson<{ access_token?: string; error?: string; token_type?: string }>(
        `${sandbox.urls.salesforce}/services/oauth2/token`,
        {
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
            assertion,
          }).toString(),
        },
      );
    const good = await grant(await sign(keys.privateKey, '2m'));
    assert.equal(good.status, 200);
    assert.equal(good.body.token_type, 'Bearer');
    const other = await generateKeyPair('RS256');
    assert.equal((await grant(await sign(other.privateKey, '2m'))).body.error, 'invalid_grant');
    assert.equal((await grant(await sign(keys.privateKey, '10m'))).body.error, 'invalid_grant');
  });

  it('answers 401 INVALID_SESSION_ID for an unknown token', async () => {
    const response = await requestJson<unknown[]>(
      `${sandbox.urls.salesforce}/services/data/v59.0/sobjects/Account`,
      {
        headers: { authorization: 'Bearer not-a-session' },
      },
    );
    assert.equal(response.status, 401);
    assert.deepEqual(response.body, [
      { message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID', fields: [] },
    ]);
  });

  it('creates, reads with ?fields, updates and deletes an account', async () => {
    const name = `Acme ${uniqueSuffix()}`;
    const created = (await conn
      .sobject('Account')
      .create({ Name: name, Type: 'Customer', BillingCountry: 'DE' })) as SaveResult;
    assert.equal(created.success, true);
    assert.match(created.id ?? '', /^001\w{15}$/);
    const id = created.id ?? '';
    const read = (await conn
      .sobject('Account')
      .retrieve(id, { fields: ['Name', 'Type'] })) as unknown as Record<string, unknown>;
    assert.deepEqual(Object.keys(read).sort(), ['Id', 'Name', 'Type', 'attributes']);
    assert.equal(read.Name, name);
    const before = (await conn.sobject('Account').retrieve(id)) as unknown as Record<string, string>;
    assert.match(before.SystemModstamp ?? '', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/);
    await conn.sobject('Account').update({ Id: id, Phone: '+49 89 1234' });
    const after = (await conn.sobject('Account').retrieve(id)) as unknown as Record<string, string>;
    assert.equal(after.Phone, '+49 89 1234');
    assert.ok((after.SystemModstamp ?? '') > (before.SystemModstamp ?? ''));
    assert.equal(after.CreatedDate, before.CreatedDate);
    await conn.sobject('Account').destroy(id);
    const gone = await rejection(conn.sobject('Account').retrieve(id));
    assert.equal(gone.errorCode, 'ENTITY_IS_DELETED');
  });

  it('upserts by Concord_Id__c: 201 created, then 200 updated, and refuses the key in the body', async () => {
    const key = `ext-${uniqueSuffix()}`;
    const first = (await conn
      .sobject('Account')
      .upsert({ Concord_Id__c: key, Name: 'Upsert Co' }, 'Concord_Id__c')) as SaveResult;
    assert.equal(first.created, true);
    const second = (await conn
      .sobject('Account')
      .upsert({ Concord_Id__c: key, Website: 'upsert.example' }, 'Concord_Id__c')) as SaveResult;
    assert.equal(second.created, false);
    assert.equal(second.id, first.id);
    const token = await salesforceToken(sandbox.urls.salesforce);
    const inBody = await requestJson<{ errorCode: string }[]>(
      `${sandbox.urls.salesforce}/services/data/v59.0/sobjects/Account/Concord_Id__c/${key}`,
      {
        method: 'PATCH',
        headers: { authorization: `Bearer ${token.access_token}` },
        body: { Concord_Id__c: key, Name: 'x' },
      },
    );
    assert.equal(inBody.status, 400);
    assert.equal(inBody.body[0]?.errorCode, 'INVALID_FIELD');
  });

  it('answers 300 when a non-unique external ID matches several records', async () => {
    const number = `ERP-${uniqueSuffix()}`.slice(0, 20);
    await conn.sobject('Account').create([
      { Name: 'Twin A', ERP_Customer_Number__c: number },
      { Name: 'Twin B', ERP_Customer_Number__c: number },
    ]);
    const token = await salesforceToken(sandbox.urls.salesforce);
    const response = await requestJson<string[]>(
      `${sandbox.urls.salesforce}/services/data/v59.0/sobjects/Account/ERP_Customer_Number__c/${number}`,
      { method: 'PATCH', headers: { authorization: `Bearer ${token.access_token}` }, body: { Phone: '1' } },
    );
    assert.equal(response.status, 300);
    assert.equal(response.body.length, 2);
    assert.match(response.body[0] ?? '', /^\/services\/data\/v59\.0\/sobjects\/Account\/001/);
  });

  it('validates required fields, lengths, picklists and unique external IDs', async () => {
    const missing = await rejection(conn.sobject('Account').create({ Phone: '1' }));
    assert.equal(missing.errorCode, 'REQUIRED_FIELD_MISSING');
    const tooLong = await rejection(conn.sobject('Account').create({ Name: 'x'.repeat(256) }));
    assert.equal(tooLong.errorCode, 'STRING_TOO_LONG');
    const picklist = await rejection(
      conn.sobject('Account').create({ Name: 'P', Concord_Sync_Status__c: 'Done' }),
    );
    assert.equal(picklist.errorCode, 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
    const key = `dup-${uniqueSuffix()}`;
    await conn.sobject('Account').create({ Name: 'Dup 1', Concord_Id__c: key });
    const duplicate = await rejection(conn.sobject('Account').create({ Name: 'Dup 2', Concord_Id__c: key }));
    assert.equal(duplicate.errorCode, 'DUPLICATE_VALUE');
    const unknown = await rejection(conn.sobject('Account').create({ Name: 'U', Nope__c: 1 }));
    assert.equal(unknown.errorCode, 'INVALID_FIELD');
  });

  it('describes Account with the Concord custom fields', async () => {
    const describe = await conn.sobject('Account').describe();
    const field = (name: string) => describe.fields.find((candidate) => candidate.name === name);
    assert.equal(describe.keyPrefix, '001');
    assert.deepEqual(
      {
        type: field('Concord_Id__c')?.type,
        length: field('Concord_Id__c')?.length,
        externalId: field('Concord_Id__c')?.externalId,
        unique: field('Concord_Id__c')?.unique,
      },
      { type: 'string', length: 36, externalId: true, unique: true },
    );
    assert.deepEqual(
      (field('Concord_Sync_Status__c')?.picklistValues as { value: string }[] | undefined)?.map(
        (value) => value.value,
      ),
      ['Pending', 'Synced', 'Review', 'Rejected'],
    );
    assert.equal(field('Name')?.nillable, false);
    assert.equal(field('CreatedDate')?.createable, false);
  });

  it('runs sObject collections with per-record results and allOrNone rollback', async () => {
    const tag = uniqueSuffix();
    const mixed = (await conn
      .sobject('Account')
      .create([{ Name: `Coll ${tag}` }, { Name: '' }])) as SaveResult[];
    assert.equal(mixed[0]?.success, true);
    assert.equal(mixed[1]?.success, false);
    assert.equal(mixed[1]?.errors[0]?.statusCode, 'REQUIRED_FIELD_MISSING');
    const rolled = (await conn
      .sobject('Account')
      .create([{ Name: `Rolled ${tag}` }, { Name: 'x'.repeat(300) }], { allOrNone: true })
      .catch((error: HttpError) => error.data)) as SaveResult[];
    assert.equal(rolled[0]?.errors[0]?.statusCode, 'ALL_OR_NONE_OPERATION_ROLLED_BACK');
    const leftovers = await conn.query(`SELECT Id FROM Account WHERE Name = 'Rolled ${tag}'`);
    assert.equal(leftovers.totalSize, 0);
    const keys = [`c1-${tag}`, `c2-${tag}`];
    const upserted = (await conn.sobject('Account').upsert(
      keys.map((key) => ({ Concord_Id__c: key, Name: key })),
      'Concord_Id__c',
    )) as SaveResult[];
    assert.deepEqual(
      upserted.map((result) => result.created),
      [true, true],
    );
    const updated = (await conn
      .sobject('Account')
      .update(upserted.map((r) => ({ Id: r.id ?? '', Phone: '42' })))) as SaveResult[];
    assert.ok(updated.every((result) => result.success));
    const deleted = (await conn.sobject('Account').destroy(upserted.map((r) => r.id ?? ''))) as SaveResult[];
    assert.ok(deleted.every((result) => result.success));
  });

  it('runs a composite request as one API call, with references, halting and allOrNone rollback', async () => {
    const tag = uniqueSuffix();
    type Composite = {
      compositeResponse: { body: unknown; httpStatusCode: number; referenceId: string }[];
    };
    const composite = (body: object) => conn.requestPost<Composite>('/services/data/v59.0/composite', body);
    await conn.query('SELECT Id FROM Account LIMIT 1');
    const usedBefore = conn.limitInfo.apiUsage?.used ?? 0;
    const chained = await composite({
      compositeRequest: [
        {
          method: 'PATCH',
          url: `/services/data/v59.0/sobjects/Account/Concord_Id__c/cmp-${tag}`,
          referenceId: 'saved',
          body: { Name: `Composite ${tag}` },
        },
        {
          method: 'PATCH',
          url: '/services/data/v59.0/sobjects/Account/@{saved.id}',
          referenceId: 'typed',
          body: { Type: 'Customer' },
        },
        {
          method: 'GET',
          url: '/services/data/v59.0/sobjects/Account/@{saved.id}?fields=Id,Name,Type',
          referenceId: 'after',
        },
      ],
    });
    assert.deepEqual(
      chained.compositeResponse.map((answer) => [answer.referenceId, answer.httpStatusCode]),
      [
        ['saved', 201],
        ['typed', 204],
        ['after', 200],
      ],
    );
    assert.deepEqual((chained.compositeResponse[2]?.body as { Type?: string }).Type, 'Customer');
    assert.equal(conn.limitInfo.apiUsage?.used, usedBefore + 1, 'three subrequests, one API call');

    const halted = await composite({
      compositeRequest: [
        {
          method: 'GET',
          url: `/services/data/v59.0/sobjects/Account/Concord_Id__c/none-${tag}`,
          referenceId: 'missing',
        },
        {
          method: 'PATCH',
          url: '/services/data/v59.0/sobjects/Account/@{missing.Id}',
          referenceId: 'write',
          body: { Phone: '1' },
        },
      ],
    });
    assert.equal(halted.compositeResponse[0]?.httpStatusCode, 404);
    assert.equal(halted.compositeResponse[1]?.httpStatusCode, 400);
    assert.equal(
      (halted.compositeResponse[1]?.body as Array<{ errorCode: string }>)[0]?.errorCode,
      'PROCESSING_HALTED',
    );

    const rolledBack = await composite({
      allOrNone: true,
      compositeRequest: [
        {
          method: 'POST',
          url: '/services/data/v59.0/sobjects/Account',
          referenceId: 'made',
          body: { Name: `Undone ${tag}` },
        },
        {
          method: 'POST',
          url: '/services/data/v59.0/sobjects/Account',
          referenceId: 'bad',
          body: { Name: '' },
        },
      ],
    });
    assert.deepEqual(
      rolledBack.compositeResponse.map((answer) => answer.httpStatusCode),
      [400, 400],
    );
    const leftovers = await conn.query(`SELECT Id FROM Account WHERE Name = 'Undone ${tag}'`);
    assert.equal(leftovers.totalSize, 0);

    const tooMany = await rejection(
      composite({
        compositeRequest: Array.from({ length: 26 }, (_, index) => ({
          method: 'GET',
          url: '/services/data/v59.0/limits',
          referenceId: `r${index}`,
        })),
      }),
    );
    assert.equal(tooMany.errorCode, 'INVALID_INPUT');
  });

  it('pages SOQL results through nextRecordsUrl and autoFetch', async () => {
    const tag = `Page ${uniqueSuffix()}`;
    await conn
      .sobject('Account')
      .create(Array.from({ length: 23 }, (_, i) => ({ Name: `${tag} ${String(i).padStart(2, '0')}` })));
    await admin(sandbox.urls.salesforce, 'PUT', 'limits', { queryPageSize: 5 });
    try {
      const soql = `SELECT Id, Name FROM Account WHERE Name LIKE '${tag}%' ORDER BY Name DESC`;
      const headers = { authorization: `Bearer ${conn.accessToken ?? ''}` };
      const firstPage = await requestJson<{
        totalSize: number;
        done: boolean;
        nextRecordsUrl: string;
        records: unknown[];
      }>(`${sandbox.urls.salesforce}/services/data/v59.0/query?q=${encodeURIComponent(soql)}`, { headers });
      assert.deepEqual(
        [firstPage.body.totalSize, firstPage.body.done, firstPage.body.records.length],
        [23, false, 5],
      );
      assert.match(firstPage.body.nextRecordsUrl, /^\/services\/data\/v59\.0\/query\/01g\w{15}-5$/);
      const secondPage = await requestJson<{ nextRecordsUrl: string; records: unknown[] }>(
        `${sandbox.urls.salesforce}${firstPage.body.nextRecordsUrl}`,
        { headers },
      );
      assert.equal(secondPage.body.records.length, 5);
      assert.match(secondPage.body.nextRecordsUrl, /-10$/);
      const records: { Name: string }[] = [];
      await new Promise<void>((resolve, reject) => {
        conn
          .query(soql)
          .on('record', (record: { Name: string }) => records.push(record))
          .on('end', () => resolve())
          .on('error', reject)
          .run({ autoFetch: true, maxFetch: 100 });
      });
      assert.equal(records.length, 23);
      assert.equal(records[0]?.Name, `${tag} 22`);
      assert.equal(records[22]?.Name, `${tag} 00`);
    } finally {
      await admin(sandbox.urls.salesforce, 'PUT', 'limits', { queryPageSize: 2000 });
    }
  });

  it('filters with AND/OR, IN, date-times and returns deleted rows only for queryAll', async () => {
    const tag = uniqueSuffix();
    const ids = (
      (await conn.sobject('Account').create([
        { Name: `Q ${tag} A`, Type: 'Partner' },
        { Name: `Q ${tag} B`, Type: 'Customer' },
        { Name: `Q ${tag} C`, Type: 'Other' },
      ])) as SaveResult[]
    ).map((result) => result.id ?? '');
    const filtered = await conn.query<{ Name: string }>(
      `SELECT Name FROM Account WHERE Name LIKE 'Q ${tag}%' AND (Type IN ('Partner', 'Customer') OR Name = 'none') AND CreatedDate > 2020-01-01T00:00:00Z ORDER BY Name`,
    );
    assert.deepEqual(
      filtered.records.map((r) => r.Name),
      [`Q ${tag} A`, `Q ${tag} B`],
    );
    await conn.sobject('Account').destroy(ids[2] ?? '');
    const live = await conn.query(`SELECT Id FROM Account WHERE Name LIKE 'Q ${tag}%'`);
    assert.equal(live.totalSize, 2);
    const all = await conn.query<{ IsDeleted: boolean }>(
      `SELECT Id, IsDeleted FROM Account WHERE Name LIKE 'Q ${tag}%'`,
      { scanAll: true },
    );
    assert.equal(all.totalSize, 3);
    assert.equal(all.records.filter((r) => r.IsDeleted).length, 1);
  });

  it('reports MALFORMED_QUERY and INVALID_FIELD', async () => {
    const malformed = await rejection(conn.query('SELECT Id FORM Account'));
    assert.equal(malformed.errorCode, 'MALFORMED_QUERY');
    const mixed = await rejection(
      conn.query("SELECT Id FROM Account WHERE Name = 'a' AND Type = 'b' OR Phone = 'c'"),
    );
    assert.equal(mixed.errorCode, 'MALFORMED_QUERY');
    const invalid = await rejection(conn.query('SELECT Nope__c FROM Account'));
    assert.equal(invalid.errorCode, 'INVALID_FIELD');
    const quoted = await rejection(conn.query("SELECT Id FROM Account WHERE CreatedDate > '2020-01-01'"));
    assert.equal(quoted.errorCode, 'INVALID_FIELD');
  });

  it('reports usage in Sforce-Limit-Info and answers 403 REQUEST_LIMIT_EXCEEDED past the daily limit', async () => {
    await conn.query('SELECT Id FROM Account LIMIT 1');
    assert.ok(conn.limitInfo.apiUsage && conn.limitInfo.apiUsage.used > 0);
    const usage = conn.limitInfo.apiUsage;
    await admin(sandbox.urls.salesforce, 'PUT', 'limits', { dailyApiLimit: usage?.used ?? 0 });
    try {
      const refused = await rejection(conn.query('SELECT Id FROM Account LIMIT 1'));
      assert.equal(refused.errorCode, 'REQUEST_LIMIT_EXCEEDED');
      assert.equal(refused.message, 'TotalRequests Limit exceeded.');
    } finally {
      await admin(sandbox.urls.salesforce, 'PUT', 'limits', { dailyApiLimit: 100000 });
    }
  });
});
