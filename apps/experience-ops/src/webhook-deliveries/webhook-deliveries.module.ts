import { Module } from '@nestjs/common';
import { ListWebhookDeliveriesUseCase } from './list-webhook-deliveries.usecase.js';
import { ResendWebhookDeliveryUseCase } from './resend-webhook-delivery.usecase.js';
import { WebhookDeliveriesController } from './webhook-deliveries.controller.js';
import { WebhookDeliveryReadsRepository } from './webhook-delivery-reads.repository.js';

/** Operators follow partner webhook deliveries and resend them. */
@Module({
  controllers: [WebhookDeliveriesController],
  providers: [WebhookDeliveryReadsRepository, ListWebhookDeliveriesUseCase, ResendWebhookDeliveryUseCase],
})
export class WebhookDeliveriesModule {}
