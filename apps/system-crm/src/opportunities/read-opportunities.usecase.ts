import { Injectable } from '@nestjs/common';
import { ErrorCode, type OpportunityChangePageDto, type OpportunityRecordV1 } from '@concord/contracts';
import { ConcordException } from '@concord/governance';
import { readChangePage } from '../change-feed/change-page.util.js';
import { CrmOpportunities } from './crm-opportunities.port.js';

@Injectable()
export class ReadOpportunitiesUseCase {
  constructor(private readonly crm: CrmOpportunities) {}

  async get(id: string): Promise<OpportunityRecordV1> {
    const record = await this.crm.find(id);
    if (record) return record;
    throw new ConcordException(ErrorCode.NOT_FOUND, `No CRM opportunity ${id}`, [
      { path: 'id', message: 'not found' },
    ]);
  }

  wonChanges(cursor: string | undefined, limit: number): Promise<OpportunityChangePageDto> {
    return readChangePage((position, size) => this.crm.readWonChanges(position, size), cursor, limit);
  }
}
