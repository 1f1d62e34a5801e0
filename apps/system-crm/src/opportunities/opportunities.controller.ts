import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  ChangesQueryDto,
  DEFAULT_CHANGES_LIMIT,
  OpportunityChangePageDto,
  OpportunityRecordV1,
} from '@concord/contracts';
import { ServiceRead } from '@concord/platform';
import { RecordIdParamDto } from '../common/record-id-param.dto.js';
import { ReadOpportunitiesUseCase } from './read-opportunities.usecase.js';

@ApiTags('opportunities')
@ApiBearerAuth('serviceToken')
@Controller('v1/opportunities')
export class OpportunitiesController {
  constructor(private readonly opportunities: ReadOpportunitiesUseCase) {}

  /** Closed-won opportunities in (modstamp, id) order with their line items; deletions included. */
  @Get('won/changes')
  @ServiceRead(OpportunityChangePageDto)
  wonChanges(@Query() query: ChangesQueryDto): Promise<OpportunityChangePageDto> {
    return this.opportunities.wonChanges(query.cursor, query.limit ?? DEFAULT_CHANGES_LIMIT);
  }

  /** One opportunity with its line items, each naming the product by SKU. */
  @Get(':id')
  @ServiceRead(OpportunityRecordV1, 404)
  get(@Param() params: RecordIdParamDto): Promise<OpportunityRecordV1> {
    return this.opportunities.get(params.id);
  }
}
