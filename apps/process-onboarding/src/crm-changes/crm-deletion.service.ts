import { Injectable } from '@nestjs/common';
import { type CustomerChangeDto } from '@concord/contracts';
import { DataSource, SyncExceptionRepository } from '@concord/persistence';
import { type InboxEventBase, CrmInboxRepository } from './crm-inbox.repository.js';
import { crmChangeException } from './crm-change-exception.util.js';

/** A customer's record in another system, as `xref` links it. */
interface ExternalLink {
  system: string;
  externalId: string;
}

/**
 * The CRM deleted the account of a customer Concord knows. The CRM owns customer identity, but the ERP
 * customer and the billing customer carry invoices and payments that no deletion may take away: a
 * steward decides (block or archive them there, restore the account, or merge it into the account
 * that replaced it), so the deletion is filed as a `conflict` naming what each system still holds.
 */
@Injectable()
export class CrmDeletionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly inbox: CrmInboxRepository,
    private readonly exceptions: SyncExceptionRepository,
  ) {}

  async file(
    change: CustomerChangeDto,
    concordId: string,
    base: InboxEventBase,
    consumer: string,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const links: ExternalLink[] = await manager.query(
        `SELECT system, external_id AS "externalId" FROM xref
          WHERE domain = 'customer' AND canonical_id = $1 ORDER BY system`,
        [concordId],
      );
      const remaining = links.filter((link) => link.system !== 'crm');
      const event = {
        ...base,
        type: 'crm.account.deleted',
        entityId: concordId,
        payload: { change, remaining },
      };
      await this.inbox.record(event, manager);
      await this.exceptions.record(
        crmChangeException(
          'conflict',
          { concordId, event: base, consumer },
          { change, concordId, remaining },
          { message: deletionMessage(change.externalId, remaining), remaining },
        ),
        manager,
      );
    });
  }
}

function deletionMessage(accountId: string, remaining: ExternalLink[]): string {
  const held = remaining.map((link) => `${link.system} ${link.externalId}`).join(', ');
  return held
    ? `The CRM account ${accountId} was deleted; the customer remains in ${held}. Block or archive it there, or restore the account in the CRM.`
    : `The CRM account ${accountId} was deleted before the customer reached the ERP or billing system; discard the onboarding or restore the account in the CRM.`;
}
