import { type BusinessCentralClient } from './business-central.client.js';
import { type ODataCollection } from './business-central.types.js';

/** An OData string literal: single quotes doubled, as OData v4 requires. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** `field eq 'a' or field eq 'b'`; an empty list matches nothing. */
export function anyOf(field: string, values: string[]): string {
  if (values.length === 0) return 'false';
  return values.map((value) => `${field} eq ${odataString(value)}`).join(' or ');
}

/** A collection URL with encoded query options. */
export function collectionUrl(path: string, options: Record<string, string | undefined>): string {
  const query = Object.entries(options)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
    .join('&');
  return query ? `${path}?${query}` : path;
}

export function companyPath(companyId: string, set: string, id?: string): string {
  return `companies(${companyId})/${set}${id ? `(${id})` : ''}`;
}

/** Value of the `$deltatoken` option of a delta link. */
export function deltaTokenOf(link: string): string | undefined {
  return new URL(link, 'http://placeholder').searchParams.get('$deltatoken') ?? undefined;
}

export interface ReadAllResult<T> {
  items: T[];
  deltaLink?: string;
}

/** Reads every page of a collection by following `@odata.nextLink`. */
export async function readAll<T>(
  client: BusinessCentralClient,
  url: string,
  operation: string,
  headers: Record<string, string> = {},
): Promise<ReadAllResult<T>> {
  const items: T[] = [];
  let next: string | undefined = url;
  let deltaLink: string | undefined;
  while (next) {
    const page: ODataCollection<T> = (
      await client.call<ODataCollection<T>>({ method: 'GET', url: next, operation, headers })
    ).data;
    items.push(...page.value);
    next = page['@odata.nextLink'];
    deltaLink = page['@odata.deltaLink'] ?? deltaLink;
  }
  return deltaLink ? { items, deltaLink } : { items };
}

/** `If-Match` for a write: the entity's `@odata.etag`. */
export function ifMatch(entity: { '@odata.etag'?: string }): Record<string, string> {
  return entity['@odata.etag'] ? { 'If-Match': entity['@odata.etag'] } : {};
}
