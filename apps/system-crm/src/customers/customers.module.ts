import { Module } from '@nestjs/common';
import { SalesforceCustomers } from '../adapters/salesforce/salesforce-customers.service.js';
import { SalesforceModule } from '../adapters/salesforce/salesforce.module.js';
import { CrmCustomers } from './crm-customers.port.js';
import { CustomersController } from './customers.controller.js';
import { GetCustomerUseCase } from './get-customer.usecase.js';
import { LinkAccountUseCase } from './link-account.usecase.js';
import { ListCustomerChangesUseCase } from './list-customer-changes.usecase.js';
import { UpdateSyncStatusUseCase } from './update-sync-status.usecase.js';
import { UpsertCustomerUseCase } from './upsert-customer.usecase.js';
import { UpsertCustomersBatchUseCase } from './upsert-customers-batch.usecase.js';

@Module({
  imports: [SalesforceModule],
  controllers: [CustomersController],
  providers: [
    { provide: CrmCustomers, useClass: SalesforceCustomers },
    GetCustomerUseCase,
    UpsertCustomerUseCase,
    UpsertCustomersBatchUseCase,
    UpdateSyncStatusUseCase,
    ListCustomerChangesUseCase,
    LinkAccountUseCase,
  ],
})
export class CustomersModule {}
