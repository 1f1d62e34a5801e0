import { Module } from '@nestjs/common';
import { SalesforceOpportunities } from '../adapters/salesforce/salesforce-opportunities.service.js';
import { SalesforceModule } from '../adapters/salesforce/salesforce.module.js';
import { CrmOpportunities } from './crm-opportunities.port.js';
import { OpportunitiesController } from './opportunities.controller.js';
import { ReadOpportunitiesUseCase } from './read-opportunities.usecase.js';

@Module({
  imports: [SalesforceModule],
  controllers: [OpportunitiesController],
  providers: [{ provide: CrmOpportunities, useClass: SalesforceOpportunities }, ReadOpportunitiesUseCase],
})
export class OpportunitiesModule {}
