import { Module } from '@nestjs/common';
import { type AppDefinition, vendorReachability } from '@concord/platform';
import { BusinessCentralBatch } from './adapters/business-central/business-central-batch.service.js';
import { BusinessCentralChanges } from './adapters/business-central/business-central-changes.service.js';
import { BusinessCentralCompanies } from './adapters/business-central/business-central-companies.service.js';
import { BusinessCentralDimensions } from './adapters/business-central/business-central-dimensions.service.js';
import { BusinessCentralDeltaFeed } from './adapters/business-central/business-central-delta-feed.service.js';
import { BusinessCentralCustomers } from './adapters/business-central/business-central-customers.service.js';
import { BusinessCentralErpCustomers } from './adapters/business-central/business-central-erp-customers.service.js';
import { BusinessCentralErpProducts } from './adapters/business-central/business-central-erp-products.service.js';
import { BusinessCentralItems } from './adapters/business-central/business-central-items.service.js';
import { BusinessCentralItemsBatch } from './adapters/business-central/business-central-items-batch.service.js';
import { BusinessCentralClient } from './adapters/business-central/business-central.client.js';
import { CustomerXrefRepository } from './customers/customer-xref.repository.js';
import { CustomersController } from './customers/customers.controller.js';
import { ErpCustomers } from './customers/erp-customers.port.js';
import { FinanceDimensionsRepository } from './customers/finance-dimensions.repository.js';
import { GetCustomerUseCase } from './customers/get-customer.usecase.js';
import { ReadCustomerChangesUseCase } from './customers/read-customer-changes.usecase.js';
import { UpsertCustomerUseCase } from './customers/upsert-customer.usecase.js';
import { UpsertCustomersBatchUseCase } from './customers/upsert-customers-batch.usecase.js';
import { DeactivateProductUseCase } from './products/deactivate-product.usecase.js';
import { ErpProducts } from './products/erp-products.port.js';
import { GetProductUseCase } from './products/get-product.usecase.js';
import { ProductsController } from './products/products.controller.js';
import { ReadProductChangesUseCase } from './products/read-product-changes.usecase.js';
import { UpsertProductUseCase } from './products/upsert-product.usecase.js';
import { UpsertProductsBatchUseCase } from './products/upsert-products-batch.usecase.js';
import { BusinessCentralSalesInvoices } from './adapters/business-central/business-central-sales-invoices.service.js';
import { BusinessCentralSalesOrders } from './adapters/business-central/business-central-sales-orders.service.js';
import { ErpSalesInvoices } from './sales-invoices/erp-sales-invoices.port.js';
import { SalesInvoicesController } from './sales-invoices/sales-invoices.controller.js';
import { SalesInvoicesUseCase } from './sales-invoices/sales-invoices.usecase.js';
import { CreateSalesOrderUseCase } from './sales-orders/create-sales-order.usecase.js';
import { ErpSalesOrders } from './sales-orders/erp-sales-orders.port.js';
import { ReadSalesOrdersUseCase } from './sales-orders/read-sales-orders.usecase.js';
import { SalesOrdersController } from './sales-orders/sales-orders.controller.js';
import { ERP_CONFIG, loadErpConfig } from './system-erp.config.js';

@Module({
  controllers: [CustomersController, ProductsController, SalesOrdersController, SalesInvoicesController],
  providers: [
    { provide: ERP_CONFIG, useFactory: () => loadErpConfig() },
    BusinessCentralClient,
    BusinessCentralCompanies,
    BusinessCentralCustomers,
    BusinessCentralBatch,
    BusinessCentralDeltaFeed,
    BusinessCentralChanges,
    BusinessCentralDimensions,
    FinanceDimensionsRepository,
    { provide: ErpCustomers, useClass: BusinessCentralErpCustomers },
    CustomerXrefRepository,
    GetCustomerUseCase,
    UpsertCustomerUseCase,
    UpsertCustomersBatchUseCase,
    ReadCustomerChangesUseCase,
    BusinessCentralItems,
    BusinessCentralItemsBatch,
    { provide: ErpProducts, useClass: BusinessCentralErpProducts },
    GetProductUseCase,
    UpsertProductUseCase,
    UpsertProductsBatchUseCase,
    DeactivateProductUseCase,
    ReadProductChangesUseCase,
    { provide: ErpSalesOrders, useClass: BusinessCentralSalesOrders },
    CreateSalesOrderUseCase,
    ReadSalesOrdersUseCase,
    { provide: ErpSalesInvoices, useClass: BusinessCentralSalesInvoices },
    SalesInvoicesUseCase,
  ],
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
