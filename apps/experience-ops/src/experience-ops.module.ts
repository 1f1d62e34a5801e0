import { type AppDefinition } from '@concord/platform';
import { ExceptionsModule } from './exceptions/exceptions.module.js';
import { PartnersModule } from './partners/partners.module.js';
import { WebhookDeliveriesModule } from './webhook-deliveries/webhook-deliveries.module.js';

// Feature modules are listed here directly so the route-policy check sees every controller.
export const EXPERIENCE_OPS_APP: AppDefinition = {
  name: 'experience-ops',
  imports: [ExceptionsModule, WebhookDeliveriesModule, PartnersModule],
  // Resent webhook deliveries leave through the outbox onto the delivery queue.
  queues: true,
};
