import { Module } from '@nestjs/common';
import { type AppDefinition, vendorReachability } from '@concord/platform';
@Module({
  controllers: [],
})
export class SystemCrmModule {}

export const SYSTEM_CRM_APP: AppDefinition = {
  name: 'system-crm',
  imports: [SystemCrmModule],
  vendorChecks: (config) => [
    vendorReachability('salesforce', `${config.vendors.salesforceUrl}/services/data`),
  ],
};
