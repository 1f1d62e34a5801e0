import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type FastifyReply } from 'fastify';
import { ServiceAuth } from '@concord/governance';
import { ApiErrorResponses } from '@concord/platform';
import {
  OnboardingAcceptedDto,
  OnboardingDto,
  OnboardingIdParamDto,
  OnboardingQueryDto,
  StartOnboardingDto,
} from './onboarding.dto.js';
import { GetOnboardingUseCase } from './get-onboarding.usecase.js';
import { MatchDecisionDto, MatchDecisionResultDto } from './match-decision.dto.js';
import { MatchDecisionUseCase } from './match-decision.usecase.js';
import { StartOnboardingUseCase } from './start-onboarding.usecase.js';

@ApiTags('onboardings')
@ApiBearerAuth('serviceToken')
@Controller('v1/onboardings')
export class OnboardingController {
  constructor(
    private readonly startOnboarding: StartOnboardingUseCase,
    private readonly getOnboarding: GetOnboardingUseCase,
    private readonly matchDecision: MatchDecisionUseCase,
  ) {}

  /** Starts the onboarding saga; follow it at `Location`. Idempotency-Key required. */
  @Post()
  @ServiceAuth()
  @ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    description: '8–255 characters of A–Z a–z 0–9 . _ : -',
  })
  @ApiAcceptedResponse({ type: OnboardingAcceptedDto })
  @ApiErrorResponses(400, 401, 403, 409, 413, 422)
  async start(
    @Headers('idempotency-key') key: string | undefined,
    @Body() request: StartOnboardingDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OnboardingAcceptedDto> {
    const result = await this.startOnboarding.execute(key, request);
    void reply.status(result.status).header('location', `/v1/onboardings/${result.body.onboardingId}`);
    return result.body;
  }

  /** The latest onboarding of a CRM account. */
  @Get()
  @ServiceAuth()
  @ApiOkResponse({ type: OnboardingDto })
  @ApiErrorResponses(400, 401, 403, 404)
  byCrmAccount(@Query() query: OnboardingQueryDto): Promise<OnboardingDto> {
    return this.getOnboarding.byCrmAccount(query.crmAccountId);
  }

  @Get(':id')
  @ServiceAuth()
  @ApiOkResponse({ type: OnboardingDto })
  @ApiErrorResponses(400, 401, 403, 404)
  get(@Param() params: OnboardingIdParamDto): Promise<OnboardingDto> {
    return this.getOnboarding.byId(params.id);
  }

  /**
   * A data steward's verdict on an onboarding held for duplicate review (state `review`): `link` to an
   * existing canonical customer or `new`. Continues the saga and resolves the duplicate-review
   * exception; audited. The same verdict again answers the first result (`replayed: true`); another
   * verdict on a decided flow, or a flow not in review, is 409.
   */
  @Post(':id/match-decision')
  @HttpCode(200)
  @ServiceAuth()
  @ApiOkResponse({ type: MatchDecisionResultDto })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  decide(
    @Param() params: OnboardingIdParamDto,
    @Body() body: MatchDecisionDto,
  ): Promise<MatchDecisionResultDto> {
    return this.matchDecision.execute(params.id, body);
  }
}
