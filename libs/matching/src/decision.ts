/** What to do with the best candidate: link it, let a data steward decide, or create a new account. */
export type MatchDecision = 'link' | 'review' | 'new';

export interface MatchThresholds {
  /** Scores at or above this link automatically. */
  readonly autoLink: number;
  /** Scores at or above this (and below `autoLink`) are held for steward review. */
  readonly review: number;
}

/** Chosen by measurement on the restaurants benchmark (`npm run bench:matching`). */
export const DEFAULT_THRESHOLDS: MatchThresholds = { autoLink: 0.85, review: 0.6 };

export function decide(score: number, thresholds: MatchThresholds = DEFAULT_THRESHOLDS): MatchDecision {
  if (thresholds.review > thresholds.autoLink) {
    throw new RangeError('the review threshold must not exceed the auto-link threshold');
  }
  if (score >= thresholds.autoLink) return 'link';
  return score >= thresholds.review ? 'review' : 'new';
}
