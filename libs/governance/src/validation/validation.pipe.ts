import { type ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import {
  ErrorCode,
  findNulCharacters,
  flattenValidationErrors,
  hasUnknownProperty,
} from '@concord/contracts';
import { ConcordException } from '../errors/concord.exception.js';
import { ValidatedQueryCache } from './validated-query.cache.js';

/**
 * Whitelisting, unknown fields rejected, types transformed; failures carry the field paths.
 *
 * Query strings repeat (a polling client, a hop between layers), and class-transformer plus
 * class-validator cost more than the rest of a hop. The validators are pure, so a query object that
 * passed once passes again with the same result: it is answered from a per-DTO cache, and only
 * queries not seen yet (or that fail) take the full path, which produces every 400 and its field paths.
 */
class ConcordValidationPipe extends ValidationPipe {
  private readonly queries = new ValidatedQueryCache();

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    rejectNulCharacters(value, metadata);
    const metatype = metadata.metatype;
    if (metadata.type !== 'query' || metadata.data || !metatype || !this.toValidate(metadata)) {
      return super.transform(value, metadata);
    }
    const key = ValidatedQueryCache.keyOf(value);
    if (key === undefined) return super.transform(value, metadata);
    const known = this.queries.get(metatype, key);
    if (known) return known;
    const validated: unknown = await super.transform(value, metadata);
    this.queries.remember(metatype, key, validated);
    return validated;
  }
}

/** A body, query or path value holding U+0000 is refused before any DTO sees it: no store could keep it. */
function rejectNulCharacters(value: unknown, metadata: ArgumentMetadata): void {
  if (metadata.type === 'custom') return;
  const details = findNulCharacters(value, metadata.data ?? '');
  if (details.length === 0) return;
  throw new ConcordException(ErrorCode.VALIDATION_FAILED, 'Request failed validation', details);
}

export function createValidationPipe(): ValidationPipe {
  return new ConcordValidationPipe({
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
