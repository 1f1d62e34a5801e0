import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedRequest, OperatorAuth } from '@concord/governance';
import { ApiErrorResponses } from '@concord/platform';
import {
  ExceptionActionResultDto,
  DiscardExceptionDto,
  ResolveExceptionDto,
  RetryExceptionDto,
} from './exception-actions.dto.js';
import { DiscardExceptionUseCase } from './discard-exception.usecase.js';
import { operatorIdOf } from './operator.util.js';
import { ResolveExceptionUseCase } from './resolve-exception.usecase.js';
import { RetryExceptionUseCase } from './retry-exception.usecase.js';

const RESUBMISSION =
  'Re-submitting `retrying` exceptions to the owning process app queue is the job of the process layer; ' +
  'this API records the request and does not call process apps.';
const STATE_RULE =
  'Only open or retrying exceptions can be acted on; any other status answers 409 naming it.';

@ApiTags('exceptions')
@ApiBearerAuth('apiKey')
@Controller('v1/exceptions')
export class ExceptionActionsController {
  constructor(
    private readonly resolveException: ResolveExceptionUseCase,
    private readonly discardException: DiscardExceptionUseCase,
    private readonly retryException: RetryExceptionUseCase,
  ) {}

  @Post(':id/resolve')
  @HttpCode(200)
  @OperatorAuth('steward')
  @ApiOperation({
    summary: 'Resolve, or fix the payload and send it back',
    description: `Without \`payload\` the exception becomes \`resolved\`. With an edited \`payload\` (a JSON object of at most 256 KB) the payload is stored and the exception becomes \`retrying\`. ${RESUBMISSION} ${STATE_RULE}`,
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ExceptionActionResultDto })
  @ApiErrorResponses(400, 401, 403, 404, 409, 413)
  resolve(
    @Param('id') id: string,
    @Body() body: ResolveExceptionDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<ExceptionActionResultDto> {
    return this.resolveException.execute(id, operatorIdOf(request), body);
  }

  @Post(':id/discard')
  @HttpCode(200)
  @OperatorAuth('steward')
  @ApiOperation({ summary: 'Discard with a reason', description: `Never re-submitted. ${STATE_RULE}` })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ExceptionActionResultDto })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  discard(
    @Param('id') id: string,
    @Body() body: DiscardExceptionDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<ExceptionActionResultDto> {
    return this.discardException.execute(id, operatorIdOf(request), body);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @OperatorAuth('steward')
  @ApiOperation({
    summary: 'Ask for a retry with the stored payload',
    description: `Sets \`retrying\` and records the request in the audit log. ${RESUBMISSION} ${STATE_RULE}`,
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ExceptionActionResultDto })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  retry(
    @Param('id') id: string,
    @Body() body: RetryExceptionDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<ExceptionActionResultDto> {
    return this.retryException.execute(id, operatorIdOf(request), body);
  }
}
