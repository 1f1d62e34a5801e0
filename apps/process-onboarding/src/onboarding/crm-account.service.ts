import { Injectable } from '@nestjs/common';
import { SystemCrmClient, type SyncStatusUpdateDto } from '@concord/contracts';
import { UpstreamHttpError } from '@concord/http';
import { type FlowRow, OnboardingFlowRepository } from './onboarding-flow.repository.js';

const SYNC_MESSAGE_LIMIT = 255;

const isNotFound = (error: unknown): boolean => error instanceof UpstreamHttpError && error.status === 404;
/** No such account, or an ID the CRM could never hold (400): either way there is nothing to link. */
const isUnlinkable = (error: unknown): boolean =>
  error instanceof UpstreamHttpError && (error.status === 404 || error.status === 400);

/** The flow's CRM account: linking one created in the CRM directly, and writing Concord's verdict on it. */
@Injectable()
export class CrmAccountService {
  constructor(
    private readonly flows: OnboardingFlowRepository,
    private readonly crm: SystemCrmClient,
  ) {}

  /**
   * An account created in Salesforce carries no Concord ID yet: put the flow's on it (idempotent), so
   * the write-back finds it. False when the flow names no account or the CRM has no such account.
   */
  async ensureLinked(flow: FlowRow): Promise<boolean> {
    const accountId = flow.input.crmAccountId;
    if (!accountId) return false;
    try {
      const record = await this.crm.linkCustomer(flow.concordId, accountId);
      await this.flows.linkXref(flow.concordId, 'crm', record.externalId);
      return true;
    } catch (error) {
      if (isUnlinkable(error)) return false;
      throw error;
    }
  }

  /** Writes the verdict; answers what happened, so the step detail shows it. */
  async writeStatus(flow: FlowRow, update: SyncStatusUpdateDto): Promise<string> {
    await this.ensureLinked(flow);
    try {
      await this.crm.updateSyncStatus(flow.concordId, {
        ...update,
        ...(update.message ? { message: update.message.slice(0, SYNC_MESSAGE_LIMIT) } : {}),
      });
      return 'written';
    } catch (error) {
      if (isNotFound(error)) return 'no CRM account carries this canonical ID';
      throw error;
    }
  }
}
