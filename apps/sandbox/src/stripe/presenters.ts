import { presentInvoice } from './invoice.presenter.js';
import { type StripeSandbox } from './stripe.state.js';
import { type Invoice, type StripeObject, type Subscription } from './stripe-object.types.js';
import { presentSubscription } from './subscription.presenter.js';

/** The wire form of a stored object (stored subscriptions and invoices keep compact item and line lists). */
export function presentObject(sandbox: StripeSandbox, object: StripeObject): Record<string, unknown> {
  switch (object.object) {
    case 'subscription':
      return presentSubscription(sandbox, object as Subscription);
    case 'invoice':
      return presentInvoice(object as Invoice);
    case 'invoiceitem': {
      // Invoice items carry `date`, not `created`; the sandbox keeps `created` only for list filters.
      const { created: _created, ...rest } = structuredClone(object);
      return rest;
    }
    case 'webhook_endpoint': {
      // The signing secret is shown once, when the endpoint is created.
      const { secret: _secret, ...rest } = structuredClone(object);
      return rest;
    }
    default:
      return structuredClone(object);
  }
}
