import { SYSTEM_ERP_APP } from '../../../apps/system-erp/src/system-erp.module.js';
import { businessCentralToken, type RunningSandbox, sandboxAdmin } from '../../support/sandbox.js';
import { type ConformanceTarget } from '../conformance-target.js';

export const businessCentralTarget: ConformanceTarget = {
  name: 'Business Central (system-erp)',
  app: SYSTEM_ERP_APP,
  vendorUrl: (sandbox) => sandbox.urls.businessCentral,
  async countByName(sandbox: RunningSandbox, name: string) {
    const { records } = await sandboxAdmin<{ records: Array<{ displayName?: string }> }>(
      sandbox.urls.businessCentral,
      'GET',
      'records/customers',
    );
    return records.filter((record) => record.displayName === name).length;
  },
  writeRoute: '/^(POST|PATCH) \\/v2\\.0\\/.*\\/customers.*/',
  rejection: {
    status: 400,
    body: {
      error: {
        code: 'Application_FieldValidationException',
        message:
          'Validation error for Field: taxRegistrationNumber,  Message: The VAT Registration No. is not valid.',
      },
    },
  },
  throttle: { status: 429 },
  async deleteInVendor(sandbox, externalId) {
    const [companyId, customerId] = externalId.split(':');
    const token = await businessCentralToken(sandbox.urls.businessCentral);
    const response = await fetch(
      `${sandbox.urls.businessCentral}/v2.0/concord/sandbox/api/v2.0/companies(${companyId})/customers(${customerId})`,
      { method: 'DELETE', headers: { authorization: `Bearer ${token}`, 'if-match': '*' } },
    );
    if (response.status !== 204)
      throw new Error(`Business Central delete answered ${response.status}: ${await response.text()}`);
  },
  concurrencyConflict: {
    route: '/^PATCH \\/v2\\.0\\/.*\\/customers.*/',
    answer: {
      status: 409,
      body: {
        error: { code: 'Request_EntityChanged', message: 'Another user has already changed the record.' },
      },
    },
  },
};
