import { Module } from '@nestjs/common';
import { SalesforcePriceBook } from './salesforce-price-book.service.js';
import { SalesforceSchemaMonitor } from './salesforce-schema.service.js';
import { SalesforceClient } from './salesforce.client.js';

/** One Salesforce session, API allowance and schema monitor shared by every feature of the app. */
@Module({
  providers: [SalesforceClient, SalesforceSchemaMonitor, SalesforcePriceBook],
  exports: [SalesforceClient, SalesforcePriceBook],
})
export class SalesforceModule {}
