import { Module } from '@nestjs/common';
import { SalesforcePriceBook } from './salesforce-price-book.service.js';
import { SalesforceSchemaMonitor } from './salesforce-schema.service.js';
import { SalesforceClient } from './salesforce.client.js';
import { SalesforceSalesRefs } from './salesforce-sales-refs.service.js';

/** One Salesforce session, API allowance and schema monitor shared by every feature of the app. */
@Module({
  providers: [SalesforceClient, SalesforceSchemaMonitor, SalesforcePriceBook, SalesforceSalesRefs],
  exports: [SalesforceClient, SalesforcePriceBook, SalesforceSalesRefs],
})
export class SalesforceModule {}
