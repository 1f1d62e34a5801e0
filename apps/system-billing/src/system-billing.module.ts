import { Module } from '@nestjs/common';
import { type AppDefinition, vendorReachability } from '@concord/platform';
@Module({
  controllers: [],
})
export class SystemBillingModule {}

export const SYSTEM_BILLING_APP: AppDefinition = {
  name: 'system-billing',
  imports: [SystemBillingModule],
  vendorChecks: (config) => [vendorReachability('stripe', `${config.vendors.stripeUrl}/v1/customers`)],
};
