import { Injectable } from '@nestjs/common';
import { type CustomerChangeDto, type CustomerRecordV1, type ErrorDetail } from '@concord/contracts';
import { DataSource, type EntityManager, SyncExceptionRepository } from '@concord/persistence';
import { customerFieldsOf } from '../customers/canonical-fields.util.js';
import { CanonicalCustomerWriter } from '../customers/canonical-customer.writer.js';
import { CustomerSyncMetrics } from '../customers/customer-sync.metrics.js';
import { type ChangeVerdict, judgeChange } from './crm-change.rules.js';
import { type InboxEventBase, CrmInboxRepository } from './crm-inbox.repository.js';
import { crmChangeException } from './crm-change-exception.util.js';
import { CanonicalCustomerValidator, describeInvalid } from '../onboarding/canonical-customer.validator.js';

type Outcome = 'pending' | 'stale' | 'replayed' | 'echo' | 'updated' | 'invalid';

/**
 * A CRM change to a customer Concord knows, applied under the customer's row lock together with its
 * inbox row: stale and echo changes are recorded and dropped, fields the CRM owns go to the canonical
 * record (and from there to the other systems), the others are counted and filed as `ownership`.
 */
@Injectable()
export class ApplyCrmUpdateService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly inbox: CrmInboxRepository,
    private readonly writer: CanonicalCustomerWriter,
    private readonly exceptions: SyncExceptionRepository,
    private readonly metrics: CustomerSyncMetrics,
    private readonly validator: CanonicalCustomerValidator,
  ) {}

  async apply(
    change: CustomerChangeDto,
    record: CustomerRecordV1,
    concordId: string,
    base: InboxEventBase,
    consumer: string,
  ): Promise<Outcome> {
    const verdict = await this.dataSource.transaction(async (manager) => {
      const current = await this.writer.lock(manager, concordId);
      const event = (type: string, extra: Record<string, unknown> = {}) =>
        this.inbox.record({ ...base, type, entityId: concordId, payload: { change, ...extra } }, manager);
      if (!current) {
        // Onboarding started elsewhere and no canonical record yet: the saga will create it.
        await event('crm.account.pending');
        return undefined;
      }
      const lastSeen = await this.inbox.lastSeenRecord(concordId, manager);
      const judged = judgeChange(record, current, lastSeen && customerFieldsOf(lastSeen));
      if (judged.kind === 'stale' || judged.kind === 'replayed') {
        await event(
          `crm.account.${judged.kind}`,
          judged.kind === 'stale' ? { lastApplied: judged.lastApplied } : {},
        );
        return judged;
      }
      const incoming = customerFieldsOf(record);
      const accepted = judged.kind === 'update' ? judged.accepted : [];
      // A field the CRM cleared is written as null; a field left out would keep its stored value.
      const data = Object.fromEntries(accepted.map((field) => [field, incoming[field] ?? null]));
      // The canonical record stays valid: an edit the canonical rules refuse never reaches it.
      const refused = accepted.length > 0 ? await this.refusedFields(current.data, data) : [];
      if (refused.length > 0) {
        await event('crm.account.invalid', { details: refused });
        const message = `The CRM change was not applied. ${describeInvalid(refused)}`;
        await this.file(
          manager,
          'validation',
          message,
          { change, details: refused },
          concordId,
          base,
          consumer,
        );
        return { kind: 'invalid' as const };
      }
      // An echo changes no data but moves the last applied CRM version on.
      await this.writer.apply(
        manager,
        { concordId, data, system: 'crm', sourceVersion: change.sourceVersion },
        current,
      );
      if (judged.kind === 'echo') {
        await event('crm.account.echo');
        return judged;
      }
      if (judged.violations.length > 0)
        await this.fileViolations(manager, change, concordId, judged, base, consumer);
      await event('crm.account.updated', { accepted, violations: judged.violations });
      return judged;
    });
    // Counted once committed: a change the inbox refused at the last moment counts nothing.
    this.count(verdict);
    if (!verdict) return 'pending';
    return verdict.kind === 'update' ? 'updated' : verdict.kind;
  }

  private count(verdict: ChangeVerdict | { kind: 'invalid' } | undefined): void {
    if (verdict?.kind === 'stale') this.metrics.staleEvent('crm');
    if (verdict?.kind === 'update') this.metrics.ownershipViolations('customer', verdict.violations.length);
  }

  private async refusedFields(
    stored: Record<string, unknown>,
    data: Record<string, unknown>,
  ): Promise<ErrorDetail[]> {
    const merged = Object.fromEntries(
      Object.entries({ ...stored, ...data }).filter(([, value]) => value !== null && value !== undefined),
    );
    const check = await this.validator.check(merged);
    return check.valid ? [] : check.details;
  }

  private fileViolations(
    manager: EntityManager,
    change: CustomerChangeDto,
    concordId: string,
    verdict: Extract<ChangeVerdict, { kind: 'update' }>,
    base: InboxEventBase,
    consumer: string,
  ): Promise<void> {
    const fields = verdict.violations.map(({ path, owner }) => `${path} (owned by ${owner})`).join(', ');
    return this.file(
      manager,
      'ownership',
      `The CRM changed fields it does not own, not propagated: ${fields}`,
      { change, violations: verdict.violations },
      concordId,
      base,
      consumer,
      { violations: verdict.violations },
    );
  }

  private async file(
    manager: EntityManager,
    category: 'ownership' | 'validation',
    message: string,
    payload: Record<string, unknown>,
    concordId: string,
    base: InboxEventBase,
    consumer: string,
    error: Record<string, unknown> = {},
  ): Promise<void> {
    await this.exceptions.record(
      crmChangeException(category, { concordId, event: base, consumer }, payload, { message, ...error }),
      manager,
    );
  }
}
