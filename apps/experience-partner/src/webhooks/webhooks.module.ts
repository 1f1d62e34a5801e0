import { Module } from '@nestjs/common';
import { DeliverWebhookUseCase } from './deliver-webhook.usecase.js';
import { FanOutPartnerEventUseCase } from './fan-out-partner-event.usecase.js';
import { PartnerEventsWorker } from './partner-events.worker.js';
import { RegisterWebhookEndpointUseCase } from './register-webhook-endpoint.usecase.js';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository.js';
import { WebhookDeliverySchedulerService } from './webhook-delivery-scheduler.service.js';
import { WebhookEndpointsController } from './webhook-endpoints.controller.js';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository.js';
import { WebhookSecretsService } from './webhook-secrets.service.js';
import { WebhookSenderService } from './webhook-sender.service.js';
import { WebhookMetrics } from './webhook.metrics.js';

/** Partner webhooks: endpoint registration and signed, retried delivery of partner events. */
@Module({
  controllers: [WebhookEndpointsController],
  providers: [
    WebhookSecretsService,
    WebhookEndpointsRepository,
    RegisterWebhookEndpointUseCase,
    WebhookDeliveriesRepository,
    WebhookSenderService,
    WebhookMetrics,
    WebhookDeliverySchedulerService,
    FanOutPartnerEventUseCase,
    DeliverWebhookUseCase,
    PartnerEventsWorker,
  ],
})
export class WebhooksModule {}
