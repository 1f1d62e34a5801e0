import { type OpportunityChangeDto, type OpportunityRecordV1 } from '@concord/contracts';
import { type ChangeScanPosition } from '../customers/crm-customers.port.js';

/** The CRM's opportunities with their line items, in domain words. */
export abstract class CrmOpportunities {
  /** Undefined when the CRM has no such opportunity. */
  abstract find(externalId: string): Promise<OpportunityRecordV1 | undefined>;

  /** Up to `limit` changes of closed-won opportunities in (sourceVersion, externalId) order. */
  abstract readWonChanges(position: ChangeScanPosition, limit: number): Promise<OpportunityChangeDto[]>;
}
