import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';
import { code as currencyByCode } from 'currency-codes';

const ALPHA3 = /^[A-Z]{3}$/;

/** True for an ISO 4217 alphabetic code written in upper case (`EUR`, not `eur`). */
export function isCurrencyCode(value: unknown): value is string {
  return typeof value === 'string' && ALPHA3.test(value) && currencyByCode(value) !== undefined;
}

/** Property must be an ISO 4217 alpha-3 currency code in upper case. */
export function IsCurrencyCode(validationOptions?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCurrencyCode',
      validator: {
        validate: (value: unknown): boolean => isCurrencyCode(value),
        defaultMessage: buildMessage(
          (eachPrefix) => `${eachPrefix}$property must be an ISO 4217 currency code in upper case`,
          validationOptions,
        ),
      },
    },
    validationOptions,
  );
}
