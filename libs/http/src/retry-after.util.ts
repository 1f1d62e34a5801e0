/**
 * Reads a Retry-After value, either delay-seconds or an HTTP date, as milliseconds from `now`.
 * Returns undefined when the header is missing or unreadable.
 */
export function parseRetryAfter(
  value: string | readonly string[] | null | undefined,
  now: number = Date.now(),
): number | undefined {
  const raw = (typeof value === 'string' ? value : value?.[0])?.trim();
  if (!raw) return undefined;
  if (/^\d+$/.test(raw)) return Number(raw) * 1000;
  // Every HTTP date form opens with the day name; Date.parse alone would take e.g. "-3" as a year.
  if (!/^[a-z]{3,9},?\s/i.test(raw)) return undefined;
  // asctime dates carry no zone but are GMT by definition; Date.parse would read them as local time
  const at = Date.parse(/GMT$/i.test(raw) ? raw : `${raw} GMT`);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
