import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  ChangesQueryDto,
  ContractChangePageDto,
  ContractRecordV1,
  DEFAULT_CHANGES_LIMIT,
} from '@concord/contracts';
import { ServiceAuth } from '@concord/governance';
import { ApiErrorResponses } from '@concord/platform';
import { RecordIdParamDto } from '../common/record-id-param.dto.js';
import { ReadContractsUseCase } from './read-contracts.usecase.js';

@ApiTags('contracts')
@ApiBearerAuth('serviceToken')
@Controller('v1/contracts')
export class ContractsController {
  constructor(private readonly contracts: ReadContractsUseCase) {}

  /** Activated contracts in (modstamp, id) order; deletions included. */
  @Get('activated/changes')
  @ServiceAuth()
  @ApiOkResponse({ type: ContractChangePageDto })
  @ApiErrorResponses(400, 401, 403, 429, 503)
  activatedChanges(@Query() query: ChangesQueryDto): Promise<ContractChangePageDto> {
    return this.contracts.activatedChanges(query.cursor, query.limit ?? DEFAULT_CHANGES_LIMIT);
  }

  @Get(':id')
  @ServiceAuth()
  @ApiOkResponse({ type: ContractRecordV1 })
  @ApiErrorResponses(400, 401, 403, 404, 429, 503)
  get(@Param() params: RecordIdParamDto): Promise<ContractRecordV1> {
    return this.contracts.get(params.id);
  }
}
