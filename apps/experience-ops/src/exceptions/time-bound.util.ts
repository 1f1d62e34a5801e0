import { ValidateBy, type ValidationOptions } from 'class-validator';

// Years and months have no fixed length, so only exact units are accepted.
const DURATION = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const UNIT_MS = [7 * 86_400_000, 86_400_000, 3_600_000, 60_000, 1000] as const;

/** Milliseconds of an ISO 8601 duration in weeks, days, hours, minutes and seconds (`PT1H`, `P2DT6H`). */
export function parseIsoDuration(value: string): number | undefined {
  const match = DURATION.exec(value);
  if (!match || value === 'P' || value.endsWith('T')) return undefined;
  let total = 0;
  UNIT_MS.forEach((unit, index) => {
    const amount = match[index + 1];
    if (amount !== undefined) total += Number(amount) * unit;
  });
  return total;
}

/**
 * The instant a time filter names: an ISO instant as given, or a duration counted back from `now`
 * (`olderThan=PT1H` means created more than an hour ago).
 */
export function resolveTimeBound(value: string, now: Date): Date | undefined {
  const duration = parseIsoDuration(value);
  if (duration !== undefined) return new Date(now.getTime() - duration);
  if (!INSTANT.test(value)) return undefined;
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? undefined : new Date(parsed);
}

/** Accepts an ISO 8601 duration (`PT1H`) or an ISO instant with a zone (`2026-11-23T10:00:00Z`). */
export function IsTimeBound(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTimeBound',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && resolveTimeBound(value, new Date()) !== undefined,
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be an ISO 8601 duration such as PT1H or P2D, or an ISO instant with a zone`,
      },
    },
    options,
  );
}
