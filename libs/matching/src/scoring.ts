import { type MatchRecord, type PreparedRecord, prepareRecord } from './match-record.js';
import { jaroWinkler, tokenSetSimilarity } from './similarity.js';

export type MatchSignalName = 'name' | 'address' | 'phone' | 'domain' | 'taxId' | 'city';

/** One piece of evidence: how alike the two values are, how much it counts, and what was compared. */
export interface MatchSignal {
  readonly signal: MatchSignalName;
  readonly similarity: number;
  readonly weight: number;
  readonly detail: string;
}

export interface MatchScore {
  /** 0..1; compare with `decide` thresholds. */
  readonly score: number;
  /** The evidence behind the score, in weight order; signals missing on either side are absent. */
  readonly signals: readonly MatchSignal[];
}

/** Weights of the evidence; a tax ID is handled apart (equal → near-certain, different → held back). */
export const SIGNAL_WEIGHTS = { name: 0.4, phone: 0.3, domain: 0.25, address: 0.2, city: 0.05 } as const;
/** Less present evidence than this weight never scores as if it were complete (a bare name is not enough). */
export const MINIMUM_EVIDENCE = 0.65;
/** The score of an exact tax ID match, and the factor applied when both tax IDs exist and differ. */
export const TAX_ID_MATCH_SCORE = 0.99;
export const TAX_ID_CONFLICT_FACTOR = 0.6;
/** Raw name similarity at or below this is what unrelated names reach by chance; it counts as no evidence. */
export const NAME_NOISE_FLOOR = 0.5;

/**
 * Name evidence, 0..1: the token-set similarity, where a name that contains the other (`bones` /
 * `bones restaurant`) stays high and names with different words on both sides (`ritz carlton cafe` /
 * `ritz carlton dining room`) fall to their overall overlap; whole-string Jaro-Winkler catches joined or
 * split words. Rescaled so that unrelated names (raw Jaro-Winkler about 0.5) give no evidence.
 */
function nameSimilarity(a: PreparedRecord, b: PreparedRecord): number {
  if (a.name === b.name) return 1;
  const tokens = tokenSetSimilarity(a.nameTokens, b.nameTokens);
  const tokenScore = tokens.containment >= 0.99 ? 0.85 + 0.15 * tokens.overall : tokens.overall;
  const raw = Math.max(tokenScore, jaroWinkler(a.name.replace(/ /g, ''), b.name.replace(/ /g, '')) * 0.9);
  return Math.max(0, (raw - NAME_NOISE_FLOOR) / (1 - NAME_NOISE_FLOOR));
}

function addressSimilarity(a: PreparedRecord, b: PreparedRecord): number {
  if (a.address === b.address) return 1;
  const street = tokenSetSimilarity(a.streetTokens, b.streetTokens).containment;
  if (!a.houseNumber || !b.houseNumber) return street * 0.85;
  return a.houseNumber === b.houseNumber ? street : street * 0.5;
}

function quoted(left: string, right: string): string {
  return left === right ? `both "${left}"` : `"${left}" vs "${right}"`;
}

/** Scores how likely two records describe the same account, with the evidence that led there. */
export function scoreCandidate(
  left: MatchRecord | PreparedRecord,
  right: MatchRecord | PreparedRecord,
): MatchScore {
  const a = 'record' in left ? left : prepareRecord(left);
  const b = 'record' in right ? right : prepareRecord(right);
  const signals: MatchSignal[] = [];
  const add = (signal: Exclude<MatchSignalName, 'taxId'>, similarity: number, detail: string) =>
    signals.push({
      signal,
      similarity: Math.round(similarity * 1000) / 1000,
      weight: SIGNAL_WEIGHTS[signal],
      detail,
    });
  if (a.name && b.name) add('name', nameSimilarity(a, b), quoted(a.name, b.name));
  if (a.phone && b.phone) add('phone', a.phone === b.phone ? 1 : 0, quoted(a.phone, b.phone));
  if (a.domain && b.domain) add('domain', a.domain === b.domain ? 1 : 0, quoted(a.domain, b.domain));
  if (a.address && b.address) add('address', addressSimilarity(a, b), quoted(a.address, b.address));
  if (a.city && b.city) {
    add('city', tokenSetSimilarity(a.cityTokens, b.cityTokens).containment, quoted(a.city, b.city));
  }
  const present = signals.reduce((sum, signal) => sum + signal.weight, 0);
  const evidence = signals.reduce((sum, signal) => sum + signal.weight * signal.similarity, 0);
  let score = present > 0 ? evidence / Math.max(present, MINIMUM_EVIDENCE) : 0;
  if (a.taxId && b.taxId) {
    const equal = a.taxId === b.taxId;
    score = equal ? Math.max(score, TAX_ID_MATCH_SCORE) : score * TAX_ID_CONFLICT_FACTOR;
    signals.unshift({
      signal: 'taxId',
      similarity: equal ? 1 : 0,
      weight: equal ? 1 : 0,
      detail: `${quoted(a.taxId, b.taxId)}: ${equal ? 'same legal entity' : 'different legal entities, score held back'}`,
    });
  }
  return { score: Math.round(score * 1000) / 1000, signals };
}
