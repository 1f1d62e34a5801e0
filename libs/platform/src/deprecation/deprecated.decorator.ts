import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { type DeprecationName } from './deprecation.config.js';
import { DeprecationInterceptor } from './deprecation.interceptor.js';
import { DEPRECATION, DEPRECATION_EXTENSION, type DeprecationMetadata } from './deprecation.types.js';

/**
 * Marks a route as superseded: its answers carry `Deprecation`, `Sunset` and a `successor-version`
 * Link with the dates of `name` in the app config, and its OpenAPI operation is `deprecated`.
 */
export function Deprecated(name: DeprecationName, successor: string): MethodDecorator {
  const metadata: DeprecationMetadata = { name, successor };
  return applyDecorators(
    SetMetadata(DEPRECATION, metadata),
    UseInterceptors(DeprecationInterceptor),
    ApiExtension(DEPRECATION_EXTENSION, metadata),
  );
}
