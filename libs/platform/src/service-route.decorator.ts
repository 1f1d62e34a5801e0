import { applyDecorators, type Type } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { ServiceAuth } from '@concord/governance';
import { ApiErrorResponses } from './api-error-responses.js';

/** The errors every system-API read can answer: bad input, credentials, throttling, a vendor down. */
export const SERVICE_READ_ERRORS = [400, 401, 403, 429, 503] as const;

/**
 * A system-API route answering 200 with `type`, for service tokens only; documents the shared read
 * errors plus `extra` (404 for a lookup, 409/422 for an action).
 */
export function ServiceRead(type: Type<unknown>, ...extra: number[]): MethodDecorator {
  const errors = [...new Set([...SERVICE_READ_ERRORS, ...extra])].sort((a, b) => a - b);
  return applyDecorators(ServiceAuth(), ApiOkResponse({ type }), ApiErrorResponses(...errors));
}
