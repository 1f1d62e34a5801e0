import { type VendorAdmin } from '../shared/vendor-admin.types.js';
import { seedStripe } from './stripe.seed.js';
import { type StripeSandbox } from './stripe.state.js';

export class StripeAdmin implements VendorAdmin {
  constructor(private readonly sandbox: StripeSandbox) {}

  reset(seed: boolean): void {
    this.sandbox.clear();
    if (seed) this.seed();
  }

  seed(): void {
    seedStripe(this.sandbox);
  }

  recordTypes(): string[] {
    return [...Object.keys(this.sandbox.collectionsByName()), 'webhook_deliveries'];
  }

  records(type: string): unknown[] | undefined {
    if (type === 'webhook_deliveries') return this.sandbox.webhooks.deliveries();
    return this.sandbox.collectionsByName()[type]?.newestFirst();
  }

  limits(): Record<string, number> {
    return this.sandbox.limitsRegistry.all();
  }

  updateLimits(patch: unknown): string | undefined {
    return this.sandbox.limitsRegistry.update(patch);
  }
}
