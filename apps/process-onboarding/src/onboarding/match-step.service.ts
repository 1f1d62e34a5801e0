import { Injectable } from '@nestjs/common';
import { type CustomerV1, SyncStatus } from '@concord/contracts';
import { CustomerRepository, DataSource, SyncExceptionRepository } from '@concord/persistence';
import { QueueNames } from '@concord/platform';
import { QueueName } from '@concord/queues';
import { GroupCommit } from '../common/group-commit.util.js';
import { type CustomerMatch, CustomerMatcher } from '../matching/customer-matcher.service.js';
import { describeCandidate, toMatchRecord } from '../matching/customer-match.mapper.js';
import { CanonicalCustomerService } from './canonical-customer.service.js';
import { CrmAccountService } from './crm-account.service.js';
import { reviewJobId } from './duplicate-review.repository.js';
import { lockCustomerMatching } from './customer-match-lock.util.js';
import { OnboardingMetrics } from './onboarding.metrics.js';
import { type FlowRow } from './onboarding-flow.repository.js';
import { ONBOARDING_JOB } from './onboarding-steps.js';

interface MatchRequest {
  flow: FlowRow;
  customer: CustomerV1;
}

interface MatchDecided {
  match: CustomerMatch;
  /** The canonical customer a linked record joined. */
  linkedTo?: string;
}

/** Match steps decided in one transaction at most. */
const MATCH_BATCH = 50;

/**
 * The match step: decides, under the matching lock, whether the customer is one Concord knows
 * (link), a new one, or one a steward must judge (review, which holds the flow), and writes the
 * canonical customer accordingly. Match steps that run at the same time are decided together, in one
 * transaction under the lock, so the lock is taken once per batch rather than once per customer.
 */
@Injectable()
export class MatchStepService {
  private readonly decisions = new GroupCommit<MatchRequest, MatchDecided>(
    (requests) => this.decide(requests),
    MATCH_BATCH,
  );

  constructor(
    private readonly dataSource: DataSource,
    private readonly matcher: CustomerMatcher,
    private readonly writer: CanonicalCustomerService,
    private readonly customers: CustomerRepository,
    private readonly crmAccount: CrmAccountService,
    private readonly exceptions: SyncExceptionRepository,
    private readonly metrics: OnboardingMetrics,
    private readonly queueNames: QueueNames,
  ) {}

  async run(flow: FlowRow, customer: CustomerV1): Promise<Record<string, unknown>> {
    const { match, linkedTo } = await this.decisions.submit({ flow, customer });
    const detail = {
      decision: match.decision,
      reason: match.reason,
      customerId: linkedTo ?? flow.concordId,
      best: match.best,
      candidates: match.candidates,
      decidedBy: 'matcher',
    };
    if (match.decision === 'review') return this.hold(flow, customer, match, detail);
    if (linkedTo && match.reason === 'score') this.metrics.duplicatePrevented('auto-link');
    return detail;
  }

  /**
   * One batch under the matching lock, in arrival order: each member is matched against the store and
   * the members before it. A member linked to an earlier member joins the customer that member joined.
   */
  private decide(requests: MatchRequest[]): Promise<MatchDecided[]> {
    return this.dataSource.transaction(async (manager) => {
      await lockCustomerMatching(manager);
      const results = await this.matcher.match(
        requests.map(({ flow, customer }) => ({
          record: toMatchRecord(flow.concordId, customer),
          excludeIds: [flow.concordId],
          ...(flow.input.crmAccountId ? { crmAccountId: flow.input.crmAccountId } : {}),
        })),
        manager,
      );
      const holderOf = new Map<string, string>();
      const decided: MatchDecided[] = [];
      for (const [index, { flow, customer }] of requests.entries()) {
        const match = results[index];
        if (!match) throw new Error('the matcher answered no result');
        if (match.decision === 'link' && match.best) {
          const target = holderOf.get(match.best.customerId) ?? match.best.customerId;
          await this.writer.link(target, customer, manager);
          holderOf.set(flow.concordId, target);
          decided.push({ match, linkedTo: target });
          continue;
        }
        await this.writer.insert(flow.concordId, customer, flow.partnerId, manager);
        const status = match.decision === 'review' ? SyncStatus.Review : SyncStatus.Pending;
        await this.customers.setSyncStatus(flow.concordId, status, manager);
        holderOf.set(flow.concordId, flow.concordId);
        decided.push({ match });
      }
      return decided;
    });
  }

  private async hold(
    flow: FlowRow,
    customer: CustomerV1,
    match: CustomerMatch,
    detail: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    const best = match.best!;
    const message = `Possible duplicate of ${describeCandidate(best)}; held until a data steward decides`;
    const crmWriteback = await this.crmAccount.writeStatus(flow, { status: SyncStatus.Review, message });
    const exceptionId = await this.exceptions.record({
      category: 'duplicate-review',
      domain: 'customer',
      system: 'concord',
      entityId: flow.concordId,
      queue: this.queueNames.of(QueueName.Onboarding),
      jobId: reviewJobId(flow.id),
      jobName: ONBOARDING_JOB,
      payload: {
        data: { flowId: flow.id, step: 'match' },
        customer,
        candidates: match.candidates,
        decide: `POST /v1/onboardings/${flow.id}/match-decision`,
      },
      error: { message, best, candidates: match.candidates },
      correlationId: flow.correlationId,
    });
    return { ...detail, held: true, exceptionId, message, crmWriteback };
  }
}
