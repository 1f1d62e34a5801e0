import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { OperatorAuth } from '@concord/governance';
import { ApiErrorResponses } from '@concord/platform';
import { ExceptionListQueryDto } from './exception-list-query.dto.js';
import { ExceptionDetailDto, ExceptionPageDto } from './exception-views.dto.js';
import { GetExceptionUseCase } from './get-exception.usecase.js';
import { ListExceptionsUseCase } from './list-exceptions.usecase.js';

@ApiTags('exceptions')
@ApiBearerAuth('apiKey')
@Controller('v1/exceptions')
export class ExceptionsController {
  constructor(
    private readonly listExceptions: ListExceptionsUseCase,
    private readonly getException: GetExceptionUseCase,
  ) {}

  @Get()
  @OperatorAuth('viewer')
  @ApiOperation({
    summary: 'List sync exceptions',
    description:
      'Newest first (created_at, then id, descending). Pass `nextCursor` back as `cursor` for the next ' +
      'page; it is absent on the last page. `retrying` exceptions wait for their owning process app to ' +
      're-submit them; that re-submission is done by the process layer, not by this API.',
  })
  @ApiOkResponse({ type: ExceptionPageDto })
  @ApiErrorResponses(400, 401, 403)
  list(@Query() query: ExceptionListQueryDto): Promise<ExceptionPageDto> {
    return this.listExceptions.execute(query);
  }

  @Get(':id')
  @OperatorAuth('viewer')
  @ApiOperation({
    summary: 'One exception with its timeline',
    description:
      'The payload, the target system answer and the job, plus every event, flow, flow step and ' +
      'steward action recorded under its correlation ID, oldest first.',
  })
  @ApiParam({ name: 'id', format: 'uuid', example: '9d3c2b1a-4e5f-4a6b-8c7d-0e1f2a3b4c5d' })
  @ApiOkResponse({ type: ExceptionDetailDto })
  @ApiErrorResponses(401, 403, 404)
  get(@Param('id') id: string): Promise<ExceptionDetailDto> {
    return this.getException.execute(id);
  }
}
