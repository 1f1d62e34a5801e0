import { Module } from '@nestjs/common';
import { type AppDefinition, vendorReachability } from '@concord/platform';
import {
  salesforceSchemaCheck,
  salesforceSchemaReadiness,
} from './adapters/salesforce/salesforce-schema.service.js';
import { ContractsModule } from './contracts/contracts.module.js';
import { CustomersModule } from './customers/customers.module.js';
import { OpportunitiesModule } from './opportunities/opportunities.module.js';
import { ProductsModule } from './products/products.module.js';

@Module({ imports: [CustomersModule, ProductsModule, OpportunitiesModule, ContractsModule] })
export class SystemCrmModule {}

export const SYSTEM_CRM_APP: AppDefinition = {
  name: 'system-crm',
  imports: [SystemCrmModule],
  vendorChecks: (config) => [
    vendorReachability('salesforce', `${config.vendors.salesforceUrl}/services/data`),
    salesforceSchemaCheck(config),
  ],
  // Writes to a field Salesforce no longer has fail one by one; readiness says so at once.
  readinessChecks: (config) => [salesforceSchemaReadiness(config)],
};
