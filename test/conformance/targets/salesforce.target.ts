import { SYSTEM_CRM_APP } from '../../../apps/system-crm/src/system-crm.module.js';
import { type RunningSandbox, sandboxAdmin } from '../../support/sandbox.js';
import { type ConformanceTarget } from '../conformance-target.js';

async function accessToken(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/services/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: 'concord',
      client_secret: 'concord-secret',
    }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

export const salesforceTarget: ConformanceTarget = {
  name: 'Salesforce (system-crm)',
  app: SYSTEM_CRM_APP,
  vendorUrl: (sandbox) => sandbox.urls.salesforce,
  async countByName(sandbox: RunningSandbox, name: string) {
    const { records } = await sandboxAdmin<{ records: Array<{ Name?: string; IsDeleted?: boolean }> }>(
      sandbox.urls.salesforce,
      'GET',
      'records/Account',
    );
    return records.filter((record) => record.Name === name && !record.IsDeleted).length;
  },
  writeRoute: '/^PATCH \\/services\\/data\\/v[0-9.]+\\/(composite\\/)?sobjects\\/Account\\/Concord_Id__c.*/',
  rejection: {
    status: 400,
    body: [
      {
        message: 'Required fields are missing: [Name]',
        errorCode: 'REQUIRED_FIELD_MISSING',
        fields: ['Name'],
      },
    ],
    expectedPath: 'name',
  },
  throttle: { status: 403 },
  async deleteInVendor(sandbox, externalId) {
    const token = await accessToken(sandbox.urls.salesforce);
    const response = await fetch(
      `${sandbox.urls.salesforce}/services/data/v59.0/sobjects/Account/${externalId}`,
      {
        method: 'DELETE',
        headers: { authorization: `Bearer ${token}` },
      },
    );
    if (response.status !== 204) throw new Error(`Salesforce delete answered ${response.status}`);
  },
};
