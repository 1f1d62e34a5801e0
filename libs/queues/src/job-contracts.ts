/** Named queues of the gateway; a queue per process flow keeps one flow's backlog from starving another. */
export const QueueName = {
  Onboarding: 'onboarding',
  /** Canonical customer changes pushed to the systems that did not make them. */
  CustomerSync: 'customer-sync',
  Activation: 'activation',
  Reconciliation: 'reconciliation',
  Notifications: 'notifications',
  Maintenance: 'maintenance',
  /** Business events a partner may subscribe to, fanned out to its webhook endpoints. */
  PartnerEvents: 'partner-events',
  /** One job per webhook delivery attempt. */
  WebhookDeliveries: 'webhook-deliveries',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

/**
 * Every job carries a payload version so a worker can refuse or upgrade a payload written by an
 * older or newer producer instead of misreading it.
 */
export interface JobEnvelope<T = unknown> {
  v: number;
  correlationId: string;
  data: T;
}

export function isJobEnvelope(value: unknown): value is JobEnvelope {
  if (!value || typeof value !== 'object') return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.v === 'number' && typeof candidate.correlationId === 'string' && 'data' in candidate
  );
}
