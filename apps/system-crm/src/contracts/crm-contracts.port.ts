import { type ContractChangeDto, type ContractRecordV1 } from '@concord/contracts';
import { type ChangeScanPosition } from '../customers/crm-customers.port.js';

/** The CRM's customer contracts, in domain words. */
export abstract class CrmContracts {
  /** Undefined when the CRM has no such contract. */
  abstract find(externalId: string): Promise<ContractRecordV1 | undefined>;

  /** Up to `limit` changes of activated contracts in (sourceVersion, externalId) order. */
  abstract readActivatedChanges(position: ChangeScanPosition, limit: number): Promise<ContractChangeDto[]>;
}
