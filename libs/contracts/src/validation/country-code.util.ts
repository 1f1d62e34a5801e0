import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';
import countries from 'i18n-iso-countries';

const ALPHA2 = /^[A-Z]{2}$/;

/** True for an assigned ISO 3166-1 alpha-2 code written in upper case (`DE`, not `de` or `DEU`). */
export function isCountryCode(value: unknown): value is string {
  return typeof value === 'string' && ALPHA2.test(value) && countries.isValid(value);
}

/** Property must be an ISO 3166-1 alpha-2 country code in upper case. */
export function IsCountryCode(validationOptions?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCountryCode',
      validator: {
        validate: (value: unknown): boolean => isCountryCode(value),
        defaultMessage: buildMessage(
          (eachPrefix) => `${eachPrefix}$property must be an ISO 3166-1 alpha-2 country code in upper case`,
          validationOptions,
        ),
      },
    },
    validationOptions,
  );
}
