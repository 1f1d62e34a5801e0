import { notFound } from './salesforce.errors.js';

export const MIN_API_VERSION = 31;
export const MAX_API_VERSION = 64;

const SEASONS = ['Spring', 'Summer', 'Winter'] as const;

/** Release label of an API version: three releases a year, Winter named after the following year. */
export function releaseLabel(major: number): string {
  const index = major - 57;
  const season = SEASONS[((index % 3) + 3) % 3] ?? 'Spring';
  const year = 23 + Math.floor(index / 3) + (season === 'Winter' ? 1 : 0);
  return `${season} '${String(year).padStart(2, '0')}`;
}

/** `v59.0` → `59.0`; versions the org does not serve answer 404 like Salesforce. */
export function parseApiVersion(segment: string): string {
  const match = /^v(\d{2})\.0$/.exec(segment);
  const major = match ? Number(match[1]) : NaN;
  if (!(major >= MIN_API_VERSION && major <= MAX_API_VERSION)) throw notFound();
  return `${major}.0`;
}

export function majorOf(version: string): number {
  return Number(version.split('.')[0]);
}
