import { SYSTEM_CRM_APP } from '../../../apps/system-crm/src/system-crm.module.js';
import { type RunningSandbox, salesforceToken, sandboxAdmin } from '../../support/sandbox.js';
import { type ConformanceTarget } from '../conformance-target.js';

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
  async lateCommit(sandbox: RunningSandbox, externalId: string, ageMs: number) {
    await sandboxAdmin(sandbox.urls.salesforce, 'POST', 'late-commit', {
      type: 'Account',
      id: externalId,
      ageMs,
    });
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
    const token = (await salesforceToken(sandbox.urls.salesforce)).access_token;
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
