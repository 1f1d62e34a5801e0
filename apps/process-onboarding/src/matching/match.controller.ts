import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ErrorCode } from '@concord/contracts';
import { ConcordException, ServiceAuth } from '@concord/governance';
import { ApiErrorResponses } from '@concord/platform';
import { toMatchRecord } from './customer-match.mapper.js';
import { CustomerMatcher } from './customer-matcher.service.js';
import { MatchRequestDto, MatchResponseDto } from './match.dto.js';

@ApiTags('matching')
@ApiBearerAuth('serviceToken')
@Controller('v1/match')
export class MatchController {
  constructor(private readonly matcher: CustomerMatcher) {}

  /**
   * The duplicate check alone, without side effects: each record's decision (link, review, new) against
   * the canonical customers and the earlier records of the batch, with candidates, scores and evidence.
   */
  @Post()
  @HttpCode(200)
  @ServiceAuth()
  @ApiOkResponse({ type: MatchResponseDto })
  @ApiErrorResponses(400, 401, 403, 413)
  async match(@Body() request: MatchRequestDto): Promise<MatchResponseDto> {
    const refs = request.records.map((input, index) => input.ref ?? `#${index}`);
    const repeated = refs.findIndex((ref, index) => refs.indexOf(ref) !== index);
    if (repeated >= 0) {
      throw new ConcordException(ErrorCode.VALIDATION_FAILED, 'Request failed validation', [
        {
          path: `records[${repeated}].ref`,
          message: 'each record needs a ref of its own',
          constraint: 'unique',
        },
      ]);
    }
    const matches = await this.matcher.match(
      request.records.map((input, index) => ({
        record: toMatchRecord(refs[index]!, input.customer),
        ...(input.crmAccountId ? { crmAccountId: input.crmAccountId } : {}),
      })),
    );
    return {
      results: matches.map((match, index) => ({
        ref: refs[index]!,
        decision: match.decision,
        reason: match.reason,
        best: match.best,
        candidates: match.candidates,
      })),
    };
  }
}
