import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorCode, ErrorEnvelopeDto } from '@concord/contracts';

const DESCRIPTIONS: Record<number, { description: string; code: ErrorCode; message: string }> = {
  400: {
    description: 'Malformed JSON, unknown fields or invalid values',
    code: ErrorCode.VALIDATION_FAILED,
    message: 'Request failed validation',
  },
  401: {
    description: 'Missing or invalid credentials',
    code: ErrorCode.UNAUTHENTICATED,
    message: 'Missing bearer credentials',
  },
  403: {
    description: 'Credentials not allowed on this route',
    code: ErrorCode.FORBIDDEN,
    message: 'This API accepts service tokens only',
  },
  404: { description: 'No such resource', code: ErrorCode.NOT_FOUND, message: 'No such resource or route' },
  409: { description: 'Conflict with the current state', code: ErrorCode.CONFLICT, message: 'Conflict' },
  413: {
    description: 'Body larger than the limit',
    code: ErrorCode.PAYLOAD_TOO_LARGE,
    message: 'Request body is too large',
  },
  422: { description: 'Rejected by a business rule', code: ErrorCode.UPSTREAM_REJECTED, message: 'Rejected' },
  429: { description: 'Rate limit reached', code: ErrorCode.RATE_LIMITED, message: 'Too many requests' },
  503: {
    description: 'A dependency is unavailable',
    code: ErrorCode.UPSTREAM_UNAVAILABLE,
    message: 'A service this request depends on is unavailable; retry later',
  },
};

/** Documents the error envelope for each listed status, with an example. */
export function ApiErrorResponses(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) => {
      const entry = DESCRIPTIONS[status] ?? {
        description: 'Error',
        code: ErrorCode.INTERNAL,
        message: 'Error',
      };
      const details =
        status === 400
          ? [
              {
                path: 'address.postalCode',
                message: 'postalCode must be shorter than or equal to 20 characters',
                constraint: 'maxLength',
              },
            ]
          : [];
      return ApiResponse({
        status,
        description: entry.description,
        type: ErrorEnvelopeDto,
        example: {
          error: {
            code: entry.code,
            message: entry.message,
            details,
            correlationId: '3f1c9a52-7d7e-4f0e-9a43-2b8d0c7d9a11',
          },
        },
      });
    }),
  );
}
