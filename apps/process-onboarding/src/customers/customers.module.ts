import { Module } from '@nestjs/common';
import { OnboardingModule } from '../onboarding/onboarding.module.js';
import { CanonicalCustomerWriter } from './canonical-customer.writer.js';
import { CustomerSyncMetrics } from './customer-sync.metrics.js';
import { CustomerSyncWorker } from './customer-sync.worker.js';
import { CustomersController } from './customers.controller.js';
import { PropagateCustomerUseCase } from './propagate-customer.usecase.js';
import { UpdateCustomerUseCase } from './update-customer.usecase.js';

/** The canonical customer after onboarding: owner-checked updates and their propagation. */
@Module({
  imports: [OnboardingModule],
  controllers: [CustomersController],
  providers: [
    CustomerSyncMetrics,
    CanonicalCustomerWriter,
    PropagateCustomerUseCase,
    CustomerSyncWorker,
    UpdateCustomerUseCase,
  ],
  exports: [CustomerSyncMetrics, CanonicalCustomerWriter],
})
export class CustomersModule {}
