import { Inject, Injectable } from '@nestjs/common';
import { type MatchDecision, MatchIndex, type MatchRecord, matchBatch } from '@concord/matching';
import { type EntityManager } from '@concord/persistence';
import { CustomerCandidatesRepository } from './customer-candidates.repository.js';
import { type CandidateExplanation, explainCandidate } from './customer-match.mapper.js';
import { MATCH_CONFIG, type MatchConfig } from './match.config.js';

export interface MatchInput {
  record: MatchRecord;
  /** The CRM account the record came from: an xref to it is the same customer, whatever the score. */
  crmAccountId?: string;
  /** Canonical IDs that are this record itself (a repeated onboarding of the same customer). */
  excludeIds?: readonly string[];
}

/** The decision for one record, with the candidates and the evidence a steward needs to check it. */
export interface CustomerMatch {
  id: string;
  decision: MatchDecision;
  /** The candidate the decision is about; absent when nothing came close. */
  best: CandidateExplanation | null;
  candidates: CandidateExplanation[];
  /** Why `best` was chosen: its score, or the CRM account already being linked to it. */
  reason: 'score' | 'xref';
}

/** Scores records against the canonical store and against each other (earlier batch members first). */
@Injectable()
export class CustomerMatcher {
  constructor(
    private readonly candidates: CustomerCandidatesRepository,
    @Inject(MATCH_CONFIG) private readonly config: MatchConfig,
  ) {}

  async match(inputs: readonly MatchInput[], manager?: EntityManager): Promise<CustomerMatch[]> {
    const find = (input: MatchInput) =>
      this.candidates.find(
        input.record,
        {
          ...(input.crmAccountId ? { crmAccountId: input.crmAccountId } : {}),
          ...(input.excludeIds ? { excludeIds: input.excludeIds } : {}),
        },
        manager,
      );
    // Inside a transaction every query goes through its one connection: one after the other there.
    const found: Array<Awaited<ReturnType<typeof find>>> = [];
    if (manager) for (const input of inputs) found.push(await find(input));
    else found.push(...(await Promise.all(inputs.map(find))));
    const existing = new MatchIndex();
    const seen = new Set<string>();
    for (const candidate of found.flat()) {
      if (seen.has(candidate.record.id)) continue;
      seen.add(candidate.record.id);
      existing.add(candidate.record);
    }
    const results = matchBatch(
      inputs.map((input) => input.record),
      existing,
      { thresholds: this.config.thresholds, keep: this.config.keep },
    );
    return results.map((result, index): CustomerMatch => {
      const candidates = result.candidates.map(explainCandidate);
      const linked = found[index]?.find((candidate) => candidate.exactKeys.includes('xref'));
      if (linked) {
        const best = candidates.find((candidate) => candidate.customerId === linked.record.id);
        return {
          id: result.id,
          decision: 'link',
          best: best ?? {
            customerId: linked.record.id,
            name: linked.record.name,
            score: 1,
            sameBatch: false,
            signals: [],
          },
          candidates,
          reason: 'xref',
        };
      }
      return {
        id: result.id,
        decision: result.decision,
        best: result.best ? explainCandidate(result.best) : null,
        candidates,
        reason: 'score',
      };
    });
  }
}
