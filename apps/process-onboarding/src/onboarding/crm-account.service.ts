import { Injectable } from '@nestjs/common';
import { type CustomerRecordV1, SystemCrmClient, type SyncStatusUpdateDto } from '@concord/contracts';
import { UpstreamHttpError } from '@concord/http';
import { type FlowRow, OnboardingFlowRepository } from './onboarding-flow.repository.js';

const SYNC_MESSAGE_LIMIT = 255;

const isNotFound = (error: unknown): boolean => error instanceof UpstreamHttpError && error.status === 404;
/** No such account, or an ID the CRM could never hold (400): either way there is nothing to link. */
const isUnlinkable = (error: unknown): boolean =>
  error instanceof UpstreamHttpError && (error.status === 404 || error.status === 400);

/** The flow's CRM account: writing Concord's verdict on it, linking one created in the CRM directly. */
@Injectable()
export class CrmAccountService {
  constructor(
    private readonly flows: OnboardingFlowRepository,
    private readonly crm: SystemCrmClient,
  ) {}

  /**
   * Writes the verdict and answers the account as written, or undefined when the CRM has no account
   * for the flow. An account the flow started from carries no canonical ID yet: the same write puts the
   * flow's on it, so the change feed sees one write of Concord's instead of two.
   */
  async writeVerdict(flow: FlowRow, update: SyncStatusUpdateDto): Promise<CustomerRecordV1 | undefined> {
    const verdict = update.message
      ? { ...update, message: update.message.slice(0, SYNC_MESSAGE_LIMIT) }
      : update;
    const accountId = flow.input.crmAccountId;
    if (accountId) {
      try {
        const record = await this.crm.updateSyncStatus(flow.concordId, { ...verdict, accountId });
        await this.flows.linkXref(flow.concordId, 'crm', record.externalId);
        return record;
      } catch (error) {
        if (!isUnlinkable(error)) throw error;
      }
    }
    try {
      return await this.crm.updateSyncStatus(flow.concordId, verdict);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** Writes the verdict; answers what happened, so the step detail shows it. */
  async writeStatus(flow: FlowRow, update: SyncStatusUpdateDto): Promise<string> {
    return (await this.writeVerdict(flow, update)) ? 'written' : 'no CRM account carries this canonical ID';
  }
}
