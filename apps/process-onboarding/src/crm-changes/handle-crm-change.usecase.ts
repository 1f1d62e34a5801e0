import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { type CustomerChangeDto, type CustomerRecordV1 } from '@concord/contracts';
import { currentCorrelationId } from '@concord/observability';
import { APP_CONFIG, type AppConfig } from '@concord/platform';
import { customerFieldsOf } from '../customers/canonical-fields.util.js';
import { CustomerSyncMetrics } from '../customers/customer-sync.metrics.js';
import { StartOnboardingUseCase } from '../onboarding/start-onboarding.usecase.js';
import { changeEventId, qualifiesForOnboarding } from './crm-change.rules.js';
import { type InboxEventBase, CrmInboxRepository } from './crm-inbox.repository.js';
import { CrmCustomerLookup } from './crm-customer.lookup.js';
import { ApplyCrmUpdateService } from './apply-crm-update.service.js';
import { CrmDeletionService } from './crm-deletion.service.js';
import { DuplicateChangeError } from './duplicate-change.error.js';

export type ChangeOutcome =
  | 'duplicate'
  | 'deleted'
  | 'ignored'
  | 'onboarding-started'
  | 'pending'
  | 'stale'
  | 'replayed'
  | 'echo'
  | 'updated'
  | 'invalid';

/**
 * One change of the CRM account feed, once: a repeat is dropped by the inbox; a new account meeting
 * the onboarding rule starts an onboarding; a change to an onboarded one is judged (stale, echo, or
 * an update split by ownership); the deletion of a known one is filed for a steward. Every change
 * that is not a repeat leaves its `event_log` row.
 */
@Injectable()
export class HandleCrmChangeUseCase {
  constructor(
    private readonly inbox: CrmInboxRepository,
    private readonly lookup: CrmCustomerLookup,
    private readonly update: ApplyCrmUpdateService,
    private readonly deletion: CrmDeletionService,
    private readonly start: StartOnboardingUseCase,
    private readonly metrics: CustomerSyncMetrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(change: CustomerChangeDto, consumer: string): Promise<ChangeOutcome> {
    const eventId = changeEventId(change);
    if (await this.inbox.seen(eventId)) return this.duplicate();
    const base: InboxEventBase = {
      eventId,
      sourceVersion: change.sourceVersion,
      correlationId: currentCorrelationId() ?? randomUUID(),
    };
    try {
      const concordId = await this.lookup.concordIdOf(change);
      if (change.kind === 'delete' || !change.record) {
        if (concordId) {
          await this.deletion.file(change, concordId, base, consumer);
          return 'deleted';
        }
        await this.inbox.record({
          ...base,
          type: 'crm.account.deleted',
          entityId: change.externalId,
          payload: { change },
        });
        return 'deleted';
      }
      if (concordId) return await this.update.apply(change, change.record, concordId, base, consumer);
      return await this.startOrIgnore(change, change.record, base);
    } catch (error) {
      if (error instanceof DuplicateChangeError) return this.duplicate();
      throw error;
    }
  }

  private async startOrIgnore(
    change: CustomerChangeDto,
    record: CustomerRecordV1,
    base: InboxEventBase,
  ): Promise<ChangeOutcome> {
    const reason = !qualifiesForOnboarding(record, this.config.onboardingTriggers.crmAccountTypes)
      ? `account type ${record.accountType ?? '(none)'} is not onboarded`
      : change.concordId
        ? `the account carries Concord ID ${change.concordId}, which this deployment does not know`
        : undefined;
    if (reason) {
      await this.inbox.record({
        ...base,
        type: 'crm.account.ignored',
        entityId: change.externalId,
        payload: { change, reason },
      });
      return 'ignored';
    }
    const customer = customerFieldsOf(record);
    // The same change always asks with the same key: a repeat after a crash finds the same flow.
    const key = `crm-change.${change.externalId}.${change.sourceVersion}`;
    const started = await this.start.execute(key, { customer, crmAccountId: change.externalId });
    const { concordId, onboardingId } = started.body;
    // The saga's match step writes the canonical customer: a provisional one written here would be a
    // match candidate for other accounts before this one has even been checked.
    const event = {
      ...base,
      type: 'crm.account.onboarding-started',
      entityId: concordId,
      payload: { change, onboardingId },
    };
    await this.inbox.record(event);
    // The saga links the account when it writes its verdict on it, in that same write.
    return 'onboarding-started';
  }

  private duplicate(): ChangeOutcome {
    this.metrics.duplicate('crm');
    return 'duplicate';
  }
}
