import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  ChangesQueryDto,
  ContractChangePageDto,
  ContractRecordV1,
  DEFAULT_CHANGES_LIMIT,
} from '@concord/contracts';
import { ServiceRead } from '@concord/platform';
import { RecordIdParamDto } from '../common/record-id-param.dto.js';
import { ReadContractsUseCase } from './read-contracts.usecase.js';

@ApiTags('contracts')
@ApiBearerAuth('serviceToken')
@Controller('v1/contracts')
export class ContractsController {
  constructor(private readonly contracts: ReadContractsUseCase) {}

  /** Activated contracts in (modstamp, id) order; deletions included. */
  @Get('activated/changes')
  @ServiceRead(ContractChangePageDto)
  activatedChanges(@Query() query: ChangesQueryDto): Promise<ContractChangePageDto> {
    return this.contracts.activatedChanges(query.cursor, query.limit ?? DEFAULT_CHANGES_LIMIT);
  }

  @Get(':id')
  @ServiceRead(ContractRecordV1, 404)
  get(@Param() params: RecordIdParamDto): Promise<ContractRecordV1> {
    return this.contracts.get(params.id);
  }
}
