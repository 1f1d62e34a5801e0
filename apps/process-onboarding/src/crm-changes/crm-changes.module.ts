import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module.js';
import { OnboardingModule } from '../onboarding/onboarding.module.js';
import { ApplyCrmUpdateService } from './apply-crm-update.service.js';
import { CrmDeletionService } from './crm-deletion.service.js';
import { ChangeConsumerRepository } from './change-consumer.repository.js';
import { CrmChangePoller } from './crm-change.poller.js';
import { CrmCustomerLookup } from './crm-customer.lookup.js';
import { CrmInboxRepository } from './crm-inbox.repository.js';
import { HandleCrmChangeUseCase } from './handle-crm-change.usecase.js';
import { SyncHealthGauges } from './sync-health.gauges.js';

/** The CRM account change feed as a trigger of onboarding and of canonical updates. */
@Module({
  imports: [OnboardingModule, CustomersModule],
  providers: [
    ChangeConsumerRepository,
    CrmInboxRepository,
    CrmCustomerLookup,
    ApplyCrmUpdateService,
    CrmDeletionService,
    HandleCrmChangeUseCase,
    CrmChangePoller,
    SyncHealthGauges,
  ],
  exports: [CrmChangePoller],
})
export class CrmChangesModule {}
