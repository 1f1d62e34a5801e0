import { presentObject } from './presenters.js';
import { type RequestMeta, STRIPE_API_VERSION, type StripeSandbox } from './stripe.state.js';
import { type StripeEvent, type StripeObject } from './stripe-object.types.js';

/** Records an event with the object as the API shows it, and hands it to webhook delivery. */
export function emitEvent(
  sandbox: StripeSandbox,
  type: string,
  object: StripeObject,
  request: RequestMeta,
  previous?: Record<string, unknown>,
): StripeEvent {
  const event: StripeEvent = {
    id: sandbox.newId('evt'),
    object: 'event',
    api_version: STRIPE_API_VERSION,
    created: sandbox.now(),
    data: { object: presentObject(sandbox, object), ...(previous ? { previous_attributes: previous } : {}) },
    livemode: false,
    pending_webhooks: 0,
    request: { id: request.id, idempotency_key: request.idempotencyKey },
    type,
  };
  sandbox.events.set(event);
  sandbox.webhooks.dispatch(event);
  return event;
}
