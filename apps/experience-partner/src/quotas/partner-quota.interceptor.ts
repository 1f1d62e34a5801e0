import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { type FastifyReply } from 'fastify';
import { type Observable } from 'rxjs';
import { ErrorCode } from '@concord/contracts';
import { type AuthenticatedRequest, ConcordException } from '@concord/governance';
import { PartnerQuotaService } from './partner-quota.service.js';

const MESSAGES = {
  [ErrorCode.RATE_LIMITED]: 'Too many requests; retry after the number of seconds in Retry-After',
  [ErrorCode.QUOTA_EXCEEDED]: 'The daily request quota is used up; it resets at 00:00 UTC',
} as const;

/**
 * Runs after the auth guard, so it knows the partner: every partner answer carries the RateLimit
 * headers, and a request over the limit or the daily quota is refused with 429 before it does anything.
 */
@Injectable()
export class PartnerQuotaInterceptor implements NestInterceptor {
  constructor(private readonly quotas: PartnerQuotaService) {}

  // Nest awaits an interceptor that returns a promise, so the decision needs no Observable of its own.
  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const principal = http.getRequest<AuthenticatedRequest>().principal;
    if (principal?.kind !== 'partner') return next.handle();
    const decision = await this.quotas.consume(principal.partnerId);
    void http.getResponse<FastifyReply>().headers(decision.headers);
    if (decision.rejected) {
      throw new ConcordException(decision.rejected.code, MESSAGES[decision.rejected.code], [], {
        ...decision.headers,
        'retry-after': String(decision.rejected.retryAfterSeconds),
      });
    }
    return next.handle();
  }
}
