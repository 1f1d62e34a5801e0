import { type IncomingHttpHeaders } from 'node:http';
import { type ResponseHeaders } from './upstream.exception.js';

type QueryValue = string | number | boolean;

/** Query parameters; arrays repeat the key, `undefined` and `null` are left out. */
export type QueryParams = Record<string, QueryValue | readonly QueryValue[] | null | undefined>;

/** Joins the base URL's path prefix, the request path and the encoded query. */
export function buildPath(prefix: string, path: string, query: QueryParams | undefined): string {
  const joined = `${prefix}${path.startsWith('/') ? '' : '/'}${path}`;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    const values: readonly QueryValue[] = Array.isArray(value) ? value : [value as QueryValue];
    for (const item of values) search.append(key, String(item));
  }
  const encoded = search.toString();
  if (!encoded) return joined;
  return `${joined}${joined.includes('?') ? '&' : '?'}${encoded}`;
}

/** Lower-cases header names so later sources override earlier ones whatever their spelling. */
export function mergeHeaders(...sources: (Record<string, string> | undefined)[]): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const source of sources) {
    for (const [name, value] of Object.entries(source ?? {})) merged[name.toLowerCase()] = value;
  }
  return merged;
}

export function flattenHeaders(headers: IncomingHttpHeaders): ResponseHeaders {
  const flat: ResponseHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

/** Parses a success body: JSON when declared so, otherwise the text; an empty body is undefined. */
export function parseSuccessBody(text: string, contentType: string | undefined): unknown {
  if (text === '') return undefined;
  return contentType?.includes('json') ? (JSON.parse(text) as unknown) : text;
}

/** Parses an error body leniently: a broken or non-JSON envelope is still passed on as text. */
export function parseErrorBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
