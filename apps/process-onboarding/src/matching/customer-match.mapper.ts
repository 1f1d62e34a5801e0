import { type MatchRecord, type ScoredCandidate, prepareRecord } from '@concord/matching';
import { type CustomerMatchKeys } from '@concord/persistence';

/** The canonical customer fields the matcher compares (a `CustomerV1` or the stored `customer.data`). */
export interface MatchableCustomer {
  name?: unknown;
  country?: unknown;
  taxId?: unknown;
  address?: unknown;
  website?: unknown;
  email?: unknown;
  phone?: unknown;
}

/** One candidate as a steward reads it: who, how alike, and the evidence behind the score. */
export interface CandidateExplanation {
  customerId: string;
  name: string;
  score: number;
  sameBatch: boolean;
  signals: Array<{ signal: string; similarity: number; weight: number; detail: string }>;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** A customer as the matcher sees it; the website names the domain, else the e-mail address does. */
export function toMatchRecord(id: string, customer: MatchableCustomer): MatchRecord {
  const address = (customer.address ?? {}) as { line1?: unknown; city?: unknown };
  return {
    id,
    name: text(customer.name) ?? '',
    address: text(address.line1),
    city: text(address.city),
    country: text(customer.country),
    phone: text(customer.phone),
    domain: text(customer.website) ?? text(customer.email),
    taxId: text(customer.taxId),
  };
}

/** The normalized keys stored on the `customer` row, the same ones the candidate query searches. */
export function matchKeysOf(record: MatchRecord): CustomerMatchKeys {
  const prepared = prepareRecord(record);
  return {
    normalizedName: prepared.name,
    taxId: prepared.taxId || null,
    domain: prepared.domain || null,
    phone: prepared.phone || null,
  };
}

export function explainCandidate(candidate: ScoredCandidate): CandidateExplanation {
  return {
    customerId: candidate.id,
    name: candidate.record.name,
    score: candidate.score,
    sameBatch: candidate.sameBatch,
    signals: candidate.signals.map((signal) => ({ ...signal })),
  };
}

/** `"Contoso GmbH" (score 0.99: taxId both "DE136695976", name …)`, short enough for a CRM message. */
export function describeCandidate(candidate: CandidateExplanation): string {
  const evidence = candidate.signals
    .filter((signal) => signal.similarity > 0)
    .slice(0, 3)
    .map((signal) => signal.signal)
    .join(', ');
  return `"${candidate.name}" (score ${candidate.score.toFixed(2)}${evidence ? `; alike: ${evidence}` : ''})`;
}
