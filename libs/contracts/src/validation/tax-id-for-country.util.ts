import { ValidateBy, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { validateTaxId } from './tax-id.util.js';

function countryOf(args: ValidationArguments): unknown {
  const [countryProperty] = args.constraints as [string];
  return (args.object as Record<string, unknown>)[countryProperty];
}

/**
 * Property must be a tax ID valid for the country held in `countryProperty` of the same object:
 * US EIN, DE/FR/NL/ES/IT/GB VAT numbers with their check digits, a generic identifier elsewhere.
 */
export function IsTaxIdForCountry(
  countryProperty = 'country',
  validationOptions?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTaxIdForCountry',
      constraints: [countryProperty],
      validator: {
        validate: (value: unknown, args?: ValidationArguments): boolean =>
          args !== undefined && validateTaxId(countryOf(args), value).valid,
        defaultMessage: (args?: ValidationArguments): string => {
          const reason = args && validateTaxId(countryOf(args), args.value).reason;
          return reason ? reason.replace(/^taxId\b/, '$property') : '$property is not a valid tax ID';
        },
      },
    },
    validationOptions,
  );
}
