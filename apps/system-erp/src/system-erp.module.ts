import { Module } from '@nestjs/common';
import { type AppDefinition, vendorReachability } from '@concord/platform';
@Module({
  controllers: [],
})
export class SystemErpModule {}

export const SYSTEM_ERP_APP: AppDefinition = {
  name: 'system-erp',
  imports: [SystemErpModule],
  vendorChecks: (config) => [
    vendorReachability(
      'business-central',
      `${config.vendors.businessCentralUrl}/v2.0/concord/sandbox/api/v2.0/`,
    ),
  ],
};
