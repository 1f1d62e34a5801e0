import { Module } from '@nestjs/common';
import { CreatePartnerUseCase } from './create-partner.usecase.js';
import { IssuePartnerKeyUseCase } from './issue-partner-key.usecase.js';
import { IssueOAuthClientUseCase } from './issue-oauth-client.usecase.js';
import { ListPartnersUseCase } from './list-partners.usecase.js';
import { PARTNER_ADMIN_PROVIDER } from './partner-admin.provider.js';
import { PartnerKeysController } from './partner-keys.controller.js';
import { PartnerOAuthClientsController } from './partner-oauth-clients.controller.js';
import { PartnersController } from './partners.controller.js';
import { RotatePartnerKeyUseCase } from './rotate-partner-key.usecase.js';

/** Administrators manage partners, their limits and their credentials. */
@Module({
  controllers: [PartnersController, PartnerKeysController, PartnerOAuthClientsController],
  providers: [
    PARTNER_ADMIN_PROVIDER,
    CreatePartnerUseCase,
    ListPartnersUseCase,
    IssuePartnerKeyUseCase,
    RotatePartnerKeyUseCase,
    IssueOAuthClientUseCase,
  ],
})
export class PartnersModule {}
