import { code as currencyByCode } from 'currency-codes';
import { AdapterError, type MoneyV1 } from '@concord/contracts';
import { STRIPE_SYSTEM } from './stripe.errors.js';

/**
 * Where Stripe's "smallest currency unit" is not the ISO 4217 minor unit: Stripe treats MGA as
 * zero-decimal (ISO: 2), and wants ISK and UGX (ISO: 0) in hundredths for backwards compatibility.
 * Every other currency follows its ISO decimal digits (JPY 0, EUR 2, BHD 3).
 */
const STRIPE_DIGITS: Record<string, number> = { MGA: 0, ISK: 2, UGX: 2 };

function isoDigits(currency: string): number {
  const record = currencyByCode(currency.toUpperCase());
  if (!record) throw rejected(`unknown currency ${currency}`, 'unitPrice.currency');
  return record.digits;
}

function stripeShift(currency: string): number {
  const iso = isoDigits(currency);
  return (STRIPE_DIGITS[currency.toUpperCase()] ?? iso) - iso;
}

function rejected(message: string, path: string): AdapterError {
  return new AdapterError({
    kind: 'Rejected',
    system: STRIPE_SYSTEM,
    operation: 'prices.create',
    message,
    details: [{ path, message }],
  });
}

/** A canonical amount (ISO minor units) as Stripe's `unit_amount`. */
export function toStripeAmount(money: MoneyV1): number {
  const shift = stripeShift(money.currency);
  if (shift >= 0) return money.amountMinor * 10 ** shift;
  const factor = 10 ** -shift;
  if (money.amountMinor % factor !== 0) {
    throw rejected(
      `${money.currency} amounts must be whole multiples of ${factor} minor units in Stripe`,
      'unitPrice.amountMinor',
    );
  }
  return money.amountMinor / factor;
}

/** Stripe's `unit_amount` and lower-case currency as a canonical amount. */
export function fromStripeAmount(unitAmount: number, currency: string): MoneyV1 {
  const upper = currency.toUpperCase();
  const shift = stripeShift(upper);
  const amountMinor = shift >= 0 ? Math.round(unitAmount / 10 ** shift) : unitAmount * 10 ** -shift;
  return { amountMinor, currency: upper };
}
