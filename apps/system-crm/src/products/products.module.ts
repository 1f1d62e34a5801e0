import { Module } from '@nestjs/common';
import { SalesforceProducts } from '../adapters/salesforce/salesforce-products.service.js';
import { SalesforceModule } from '../adapters/salesforce/salesforce.module.js';
import { CrmProducts } from './crm-products.port.js';
import { DeactivateProductUseCase } from './deactivate-product.usecase.js';
import { GetProductUseCase } from './get-product.usecase.js';
import { ListProductChangesUseCase } from './list-product-changes.usecase.js';
import { ProductsController } from './products.controller.js';
import { UpsertProductUseCase } from './upsert-product.usecase.js';
import { UpsertProductsBatchUseCase } from './upsert-products-batch.usecase.js';

@Module({
  imports: [SalesforceModule],
  controllers: [ProductsController],
  providers: [
    { provide: CrmProducts, useClass: SalesforceProducts },
    GetProductUseCase,
    UpsertProductUseCase,
    UpsertProductsBatchUseCase,
    DeactivateProductUseCase,
    ListProductChangesUseCase,
  ],
})
export class ProductsModule {}
