import { ApiResponse } from '@nestjs/swagger';
import { ErrorEnvelopeDto } from '@concord/contracts';

const integer = { schema: { type: 'integer' } };
export const RATE_LIMIT_HEADERS = {
  'RateLimit-Limit': { description: 'Requests allowed in the current window', ...integer },
  'RateLimit-Remaining': { description: 'Requests left in the current window', ...integer },
  'RateLimit-Reset': { description: 'Seconds until the window resets', ...integer },
};

const example = (code: string, message: string) => ({
  value: { error: { code, message, details: [], correlationId: '3f1c9a52-7d7e-4f0e-9a43-2b8d0c7d9a11' } },
});

/** Documents the per-partner rate limit and daily quota answer on every route of a partner controller. */
export function ApiQuotaResponses(): ClassDecorator & MethodDecorator {
  return ApiResponse({
    status: 429,
    description:
      'Over the rate limit (`RATE_LIMITED`) or the daily quota, which resets at 00:00 UTC ' +
      '(`QUOTA_EXCEEDED`). Every partner answer carries the RateLimit headers.',
    type: ErrorEnvelopeDto,
    headers: {
      'Retry-After': { description: 'Seconds to wait before retrying', ...integer },
      ...RATE_LIMIT_HEADERS,
    },
    content: {
      'application/json': {
        examples: {
          rateLimited: example(
            'RATE_LIMITED',
            'Too many requests; retry after the number of seconds in Retry-After',
          ),
          quotaExceeded: example(
            'QUOTA_EXCEEDED',
            'The daily request quota is used up; it resets at 00:00 UTC',
          ),
        },
      },
    },
  });
}
