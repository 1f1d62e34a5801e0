import { type ValidationError } from 'class-validator';
import { type ErrorDetail } from './error-envelope.dto.js';

/** class-validator's constraint name for a property the DTO does not declare (`forbidNonWhitelisted`). */
export const UNKNOWN_PROPERTY_CONSTRAINT = 'whitelistValidation';

/** `parent.property`, or `parent[3]` for an array index. */
export function joinPath(parent: string, property: string): string {
  if (parent === '') return property;
  return /^\d+$/.test(property) ? `${parent}[${property}]` : `${parent}.${property}`;
}

/**
 * Turns nested class-validator errors into one detail per failed constraint, with the dotted path of the
 * field (`address.postalCode`, `lines[0].sku`), the message and the constraint name. An unknown property
 * comes out with its own path and the constraint `whitelistValidation`.
 */
export function flattenValidationErrors(errors: readonly ValidationError[], parentPath = ''): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  for (const error of errors) {
    const path = joinPath(parentPath, error.property);
    for (const [constraint, message] of Object.entries(error.constraints ?? {})) {
      details.push({ path, message, constraint });
    }
    if (error.children?.length) details.push(...flattenValidationErrors(error.children, path));
  }
  return details;
}

/** True when the errors include a property the DTO does not declare. */
export function hasUnknownProperty(errors: readonly ValidationError[]): boolean {
  return flattenValidationErrors(errors).some((detail) => detail.constraint === UNKNOWN_PROPERTY_CONSTRAINT);
}
