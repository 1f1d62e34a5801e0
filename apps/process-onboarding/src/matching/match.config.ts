import { DEFAULT_THRESHOLDS, type MatchThresholds } from '@concord/matching';

export const MATCH_CONFIG = Symbol('MATCH_CONFIG');

export interface MatchConfig {
  thresholds: MatchThresholds;
  /** Candidates kept per decision for the steward. */
  keep: number;
}

function threshold(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new Error(`${name} must be a number from 0 to 1, got "${raw}"`);
  }
  return value;
}

/** `MATCH_AUTO_LINK_THRESHOLD` (default 0.85) and `MATCH_REVIEW_THRESHOLD` (default 0.6). */
export function loadMatchConfig(env: NodeJS.ProcessEnv = process.env): MatchConfig {
  const autoLink = threshold(env, 'MATCH_AUTO_LINK_THRESHOLD', DEFAULT_THRESHOLDS.autoLink);
  const review = threshold(env, 'MATCH_REVIEW_THRESHOLD', DEFAULT_THRESHOLDS.review);
  if (review > autoLink) {
    throw new Error('MATCH_REVIEW_THRESHOLD must not exceed MATCH_AUTO_LINK_THRESHOLD');
  }
  return { thresholds: { autoLink, review }, keep: 5 };
}
