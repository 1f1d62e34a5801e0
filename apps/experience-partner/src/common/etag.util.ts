import { createHash } from 'node:crypto';

/** A strong entity tag of a JSON answer as sent: the same bytes always yield the same tag. */
export function etagOf(json: string): string {
  return `"${createHash('sha256').update(json).digest('base64url')}"`;
}

/**
 * Whether `If-None-Match` names this tag (RFC 9110 §13.1.2: weak comparison, a list, or `*`), so the
 * client's copy is current and a 304 can answer.
 */
export function matchesIfNoneMatch(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const candidates = (Array.isArray(header) ? header.join(',') : header)
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
  const opaque = (tag: string) => tag.replace(/^W\//, '');
  return candidates.some((tag) => tag === '*' || opaque(tag) === opaque(etag));
}
