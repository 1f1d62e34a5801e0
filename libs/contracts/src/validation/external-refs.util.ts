import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';
import { EXTERNAL_SYSTEMS, isExternalSystem } from '../common/system.types.js';

const MAX_EXTERNAL_ID_LENGTH = 255;

/** True for a plain object mapping external systems (`crm`, `erp`, `billing`) to non-empty record IDs. */
export function isExternalRefs(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.entries(value).every(
    ([system, id]) =>
      isExternalSystem(system) &&
      typeof id === 'string' &&
      id.trim() !== '' &&
      id.length <= MAX_EXTERNAL_ID_LENGTH,
  );
}

/** Property must map external systems to the record ID each one uses. */
export function IsExternalRefs(validationOptions?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isExternalRefs',
      validator: {
        validate: (value: unknown): boolean => isExternalRefs(value),
        defaultMessage: buildMessage(
          (eachPrefix) =>
            `${eachPrefix}$property must map ${EXTERNAL_SYSTEMS.join(', ')} to non-empty IDs of at most ` +
            `${MAX_EXTERNAL_ID_LENGTH} characters`,
          validationOptions,
        ),
      },
    },
    validationOptions,
  );
}
