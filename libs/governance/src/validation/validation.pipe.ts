import { ValidationPipe } from '@nestjs/common';
import { ErrorCode, flattenValidationErrors, hasUnknownProperty } from '@concord/contracts';
import { ConcordException } from '../errors/concord.exception.js';

/** Whitelisting, unknown fields rejected, types transformed; failures carry the field paths. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      hasUnknownProperty(errors)
        ? new ConcordException(
            ErrorCode.UNKNOWN_FIELD,
            'Request has fields this API does not accept',
            flattenValidationErrors(errors),
          )
        : new ConcordException(
            ErrorCode.VALIDATION_FAILED,
            'Request failed validation',
            flattenValidationErrors(errors),
          ),
  });
}
