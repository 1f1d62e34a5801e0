import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedRequest, OperatorAuth } from '@concord/governance';
import { ApiErrorResponses } from '@concord/platform';
import { ApplyBulkActionUseCase } from './apply-bulk-action.usecase.js';
import { BulkDiscardDto, BulkResolveDto, BulkResultDto, BulkRetryDto } from './exception-actions.dto.js';
import { operatorIdOf } from './operator.util.js';

const PER_ID =
  'Up to 500 distinct ids; each is changed and audited in its own transaction and reported in input ' +
  'order, so an unknown id (NOT_FOUND) or one in another status (CONFLICT) never fails the call.';
const RESUBMISSION =
  'Re-submission of `retrying` exceptions is done by the owning process app (the process layer), not by this API.';

@ApiTags('exceptions')
@ApiBearerAuth('apiKey')
@Controller('v1/exceptions/bulk')
export class ExceptionBulkController {
  constructor(private readonly bulk: ApplyBulkActionUseCase) {}

  @Post('resolve')
  @HttpCode(200)
  @OperatorAuth('steward')
  @ApiOperation({ summary: 'Resolve many exceptions with one note', description: PER_ID })
  @ApiOkResponse({ type: BulkResultDto })
  @ApiErrorResponses(400, 401, 403, 413)
  resolve(@Body() body: BulkResolveDto, @Req() request: AuthenticatedRequest): Promise<BulkResultDto> {
    return this.bulk.execute('resolve', body.ids, operatorIdOf(request), { note: body.note });
  }

  @Post('discard')
  @HttpCode(200)
  @OperatorAuth('steward')
  @ApiOperation({ summary: 'Discard many exceptions with one reason', description: PER_ID })
  @ApiOkResponse({ type: BulkResultDto })
  @ApiErrorResponses(400, 401, 403, 413)
  discard(@Body() body: BulkDiscardDto, @Req() request: AuthenticatedRequest): Promise<BulkResultDto> {
    return this.bulk.execute('discard', body.ids, operatorIdOf(request), { reason: body.reason });
  }

  @Post('retry')
  @HttpCode(200)
  @OperatorAuth('steward')
  @ApiOperation({ summary: 'Ask for a retry of many exceptions', description: `${PER_ID} ${RESUBMISSION}` })
  @ApiOkResponse({ type: BulkResultDto })
  @ApiErrorResponses(400, 401, 403, 413)
  retry(@Body() body: BulkRetryDto, @Req() request: AuthenticatedRequest): Promise<BulkResultDto> {
    const detail = body.note === undefined ? {} : { note: body.note };
    return this.bulk.execute('retry', body.ids, operatorIdOf(request), detail);
  }
}
