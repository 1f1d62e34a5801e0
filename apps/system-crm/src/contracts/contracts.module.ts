import { Module } from '@nestjs/common';
import { SalesforceContracts } from '../adapters/salesforce/salesforce-contracts.service.js';
import { SalesforceModule } from '../adapters/salesforce/salesforce.module.js';
import { ContractsController } from './contracts.controller.js';
import { CrmContracts } from './crm-contracts.port.js';
import { ReadContractsUseCase } from './read-contracts.usecase.js';

@Module({
  imports: [SalesforceModule],
  controllers: [ContractsController],
  providers: [{ provide: CrmContracts, useClass: SalesforceContracts }, ReadContractsUseCase],
})
export class ContractsModule {}
