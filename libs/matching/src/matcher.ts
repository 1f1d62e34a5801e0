import { DEFAULT_THRESHOLDS, type MatchDecision, type MatchThresholds, decide } from './decision.js';
import { type CandidateOptions, MatchIndex } from './match-index.js';
import { type MatchRecord, type PreparedRecord } from './match-record.js';
import { type MatchScore, scoreCandidate } from './scoring.js';

export interface ScoredCandidate extends MatchScore {
  readonly id: string;
  readonly record: MatchRecord;
  /** True when the candidate arrived in the same batch rather than being an existing account. */
  readonly sameBatch: boolean;
}

export interface MatchResult {
  readonly id: string;
  /** The decision for the best candidate (`new` when there is none). */
  readonly decision: MatchDecision;
  readonly best: ScoredCandidate | null;
  /** The best-scoring candidates, best first (at most `keep`). */
  readonly candidates: readonly ScoredCandidate[];
}

export interface MatchOptions {
  readonly thresholds?: MatchThresholds;
  readonly candidates?: CandidateOptions;
  /** How many scored candidates a result keeps for the steward; 5 unless told. */
  readonly keep?: number;
}

function scoreAll(
  record: MatchRecord,
  candidates: readonly PreparedRecord[],
  sameBatch: boolean,
): ScoredCandidate[] {
  return candidates.map((candidate) => ({
    id: candidate.record.id,
    record: candidate.record,
    sameBatch,
    ...scoreCandidate(record, candidate),
  }));
}

function resultOf(id: string, scored: ScoredCandidate[], options: MatchOptions): MatchResult {
  scored.sort((x, y) => y.score - x.score || x.id.localeCompare(y.id));
  const best = scored[0] ?? null;
  return {
    id,
    decision: best ? decide(best.score, options.thresholds ?? DEFAULT_THRESHOLDS) : 'new',
    best,
    candidates: scored.slice(0, options.keep ?? 5),
  };
}

/** Matches one record against the accounts in `index`. */
export function matchRecord(record: MatchRecord, index: MatchIndex, options: MatchOptions = {}): MatchResult {
  return resultOf(record.id, scoreAll(record, index.candidates(record, options.candidates), false), options);
}

/**
 * Matches a batch of new records against the existing accounts in `existing` and against each other: each
 * record is compared with the existing ones and with the batch records before it, so two arrivals of the
 * same account in one batch end with the second pointing at the first.
 */
export function matchBatch(
  records: readonly MatchRecord[],
  existing: MatchIndex = new MatchIndex(),
  options: MatchOptions = {},
): MatchResult[] {
  const batch = new MatchIndex();
  return records.map((record) => {
    const scored = [
      ...scoreAll(record, existing.candidates(record, options.candidates), false),
      ...scoreAll(record, batch.candidates(record, options.candidates), true),
    ];
    batch.add(record);
    return resultOf(record.id, scored, options);
  });
}
