import { applyCustomerParams, newCustomer } from './customer.factory.js';
import { createPrice } from './price.factory.js';
import { type StripeSandbox } from './stripe.state.js';
import { Params } from './stripe-params.util.js';

const PRODUCTS = [
  { name: 'Concord Platform Subscription', monthly: 120_000, yearly: 1_200_000 },
  { name: 'Premium Support', monthly: 30_000, yearly: 300_000 },
];

/** Demo catalog and one customer; seeding emits no events, as data that was there before any test. */
export function seedStripe(sandbox: StripeSandbox): void {
  const meta = { id: null, idempotencyKey: null };
  for (const { name, monthly, yearly } of PRODUCTS) {
    const price = createPrice(
      sandbox,
      Params.of({
        currency: 'usd',
        unit_amount: String(monthly),
        recurring: { interval: 'month' },
        product_data: { name },
      }),
      undefined,
      meta,
    );
    createPrice(
      sandbox,
      Params.of({ currency: 'usd', unit_amount: String(yearly), recurring: { interval: 'year' } }),
      price.product,
      meta,
    );
    const product = sandbox.products.get(price.product);
    if (product) sandbox.products.set({ ...product, default_price: price.id });
  }
  const customer = applyCustomerParams(
    newCustomer(sandbox.newId('cus', 14), sandbox.now()),
    Params.of({
      name: 'Northwind Traders',
      email: 'billing@northwind.example',
      metadata: { source: 'seed' },
    }),
  );
  sandbox.customers.set(customer);
  sandbox.events.clear();
}
