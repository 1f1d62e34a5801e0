/** What the experience layer sends to start an onboarding; the saga validates the customer itself. */
export interface StartOnboardingRequest {
  customer: object;
  partnerId?: string;
  crmAccountId?: string;
}

export interface OnboardingAccepted {
  onboardingId: string;
  concordId: string;
  status: string;
}

/** One saga step as a partner-scoped read shows it: no payloads, no vendor answers. */
export interface PartnerOnboardingStep {
  name: string;
  outcome: string;
  finishedAt: string | null;
}

/** An onboarding started by one partner, as the partner-scoped reads of the process API answer it. */
export interface PartnerOnboarding {
  onboardingId: string;
  concordId: string;
  state: string;
  /** The canonical customer once validated, the customer as received before that. */
  customer: Record<string, unknown>;
  steps: PartnerOnboardingStep[];
  /** Why the onboarding was rejected, when it was. */
  message?: string;
  createdAt: string;
  updatedAt: string;
}

export interface PartnerOnboardingPage {
  items: PartnerOnboarding[];
  /** Absent on the last page. */
  nextCursor?: string;
}

/** The fields a list of customers shows; `customer` holds only `name`, `country` and `legalName`. */
export type PartnerOnboardingSummary = Pick<
  PartnerOnboarding,
  'onboardingId' | 'concordId' | 'state' | 'customer' | 'createdAt' | 'updatedAt'
>;

export interface PartnerOnboardingSummaryPage {
  items: PartnerOnboardingSummary[];
  /** Absent on the last page. */
  nextCursor?: string;
}

export interface PartnerOnboardingQuery {
  cursor?: string;
  limit?: number;
  /** Only the onboardings of this canonical customer. */
  concordId?: string;
}
