/** The parts of Stripe's wire objects this adapter reads; SDK objects satisfy these shapes. */
export interface StripeAddressWire {
  line1: string | null;
  line2: string | null;
  city: string | null;
  state: string | null;
  postal_code: string | null;
  country: string | null;
}

export interface StripeCustomerWire {
  id: string;
  object: 'customer';
  name?: string | null;
  email: string | null;
  phone?: string | null;
  address?: StripeAddressWire | null;
  currency?: string | null;
  created: number;
  metadata: Record<string, string>;
}

export interface StripeDeletedCustomerWire {
  id: string;
  object: 'customer';
  deleted: true;
}

/** Create and update parameters of a customer; an empty string unsets a field on update. */
export interface StripeCustomerParams {
  name: string;
  email?: string;
  phone?: string;
  address: Partial<Record<keyof StripeAddressWire, string>>;
  metadata: Record<string, string>;
}

/** A webhook or Events API event, reduced to what Concord records. */
export interface StripeEventWire {
  id: string;
  type: string;
  created: number;
  data: { object: { id?: string; object?: string; status?: string } & Record<string, unknown> };
}

/** Metadata keys where the canonical fields Stripe has no column for are kept. */
export const METADATA = {
  concordId: 'concord_id',
  taxId: 'tax_id',
  currency: 'currency',
  country: 'country',
  legalName: 'legal_name',
  website: 'website',
  paymentTermsDays: 'payment_terms_days',
  segment: 'segment',
  territory: 'territory',
} as const;
