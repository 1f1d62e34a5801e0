export { normalizeAddress, normalizeCity } from './address.normalizer.js';
export { normalizeDomain, normalizePhone, normalizeTaxId } from './contact.normalizers.js';
export { DEFAULT_THRESHOLDS, type MatchDecision, type MatchThresholds, decide } from './decision.js';
export { type CandidateOptions, MatchIndex } from './match-index.js';
export { type MatchRecord, type PreparedRecord, prepareRecord } from './match-record.js';
export {
  type MatchOptions,
  type MatchResult,
  type ScoredCandidate,
  matchBatch,
  matchRecord,
} from './matcher.js';
export { foldCase, normalizeName, tokenize } from './name.normalizer.js';
export {
  MINIMUM_EVIDENCE,
  type MatchScore,
  type MatchSignal,
  type MatchSignalName,
  SIGNAL_WEIGHTS,
  scoreCandidate,
} from './scoring.js';
export { jaro, jaroWinkler, tokenSetSimilarity, trigramSimilarity, trigrams } from './similarity.js';
export {
  type CandidateQuery,
  type CandidateQueryInput,
  type CandidateTable,
  DEFAULT_CANDIDATE_TABLE,
  candidateIndexDdl,
  buildCandidateQuery,
} from './pg-candidates.query.js';
