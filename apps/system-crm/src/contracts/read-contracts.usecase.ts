import { Injectable } from '@nestjs/common';
import { ErrorCode, type ContractChangePageDto, type ContractRecordV1 } from '@concord/contracts';
import { ConcordException } from '@concord/governance';
import { readChangePage } from '../change-feed/change-page.util.js';
import { CrmContracts } from './crm-contracts.port.js';

@Injectable()
export class ReadContractsUseCase {
  constructor(private readonly crm: CrmContracts) {}

  async get(id: string): Promise<ContractRecordV1> {
    const record = await this.crm.find(id);
    if (record) return record;
    throw new ConcordException(ErrorCode.NOT_FOUND, `No CRM contract ${id}`, [
      { path: 'id', message: 'not found' },
    ]);
  }

  activatedChanges(cursor: string | undefined, limit: number): Promise<ContractChangePageDto> {
    return readChangePage((position, size) => this.crm.readActivatedChanges(position, size), cursor, limit);
  }
}
