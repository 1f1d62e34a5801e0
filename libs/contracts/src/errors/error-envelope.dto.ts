import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ErrorCode } from './error-code.types.js';

/** One reason behind an error: which field (`path`, dotted) and why; codes may add keys such as `owner`. */
export interface ErrorDetail {
  path?: string;
  message?: string;
  owner?: string;
  [key: string]: unknown;
}

/** The body of every error response of every Concord API. */
export interface ErrorEnvelope {
  error: {
    code: ErrorCode;
    message: string;
    details: ErrorDetail[];
    correlationId: string;
  };
}

export class ErrorDetailDto implements ErrorDetail {
  [key: string]: unknown;

  @ApiPropertyOptional({ example: 'address.postalCode' })
  path?: string;

  @ApiPropertyOptional({ example: 'postalCode must be shorter than or equal to 20 characters' })
  message?: string;

  @ApiPropertyOptional({ description: 'System of record, for OWNERSHIP_VIOLATION', example: 'erp' })
  owner?: string;

  @ApiPropertyOptional({ description: 'Name of the failed validation rule', example: 'maxLength' })
  constraint?: string;
}

export class ErrorBodyDto {
  @ApiProperty({ enum: ErrorCode, enumName: 'ErrorCode', example: ErrorCode.VALIDATION_FAILED })
  code!: ErrorCode;

  @ApiProperty({ example: 'Request validation failed' })
  message!: string;

  @ApiProperty({ type: () => ErrorDetailDto, isArray: true })
  details!: ErrorDetailDto[];

  @ApiProperty({ example: '5d7c1e0a-8f1b-4f4e-9a51-6a2b3c4d5e6f' })
  correlationId!: string;
}

/** OpenAPI schema of `ErrorEnvelope`, for `@ApiResponse({ type: ErrorEnvelopeDto })`. */
export class ErrorEnvelopeDto implements ErrorEnvelope {
  @ApiProperty({ type: () => ErrorBodyDto })
  error!: ErrorBodyDto;
}

/** Builds an error envelope. */
export function errorEnvelope(
  code: ErrorCode,
  message: string,
  correlationId: string,
  details: ErrorDetail[] = [],
): ErrorEnvelope {
  return { error: { code, message, details, correlationId } };
}
