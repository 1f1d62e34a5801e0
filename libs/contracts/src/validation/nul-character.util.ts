import { type ErrorDetail } from '../errors/error-envelope.dto.js';
import { joinPath } from '../errors/validation-errors.util.js';

export const NUL_CHARACTER_CONSTRAINT = 'noNulCharacter';
const MAX_DETAILS = 20;

/**
 * Every string (value or member name) in a request that holds U+0000, with its field path.
 *
 * PostgreSQL stores no NUL in `text` or `jsonb`, so such a value would fail at the first write, after the
 * request was accepted. Walked with an explicit stack: a body may nest deeper than the call stack.
 */
export function findNulCharacters(value: unknown, rootPath = ''): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const pending: Array<{ path: string; value: unknown }> = [{ path: rootPath, value }];
  while (pending.length > 0 && details.length < MAX_DETAILS) {
    const next = pending.pop()!;
    if (typeof next.value === 'string') {
      if (next.value.includes('\u0000')) details.push(nulDetail(next.path));
    } else if (next.value !== null && typeof next.value === 'object') {
      // Pushed last member first, so the details come out in the order of the document.
      for (const [key, member] of Object.entries(next.value).reverse()) {
        const path = joinPath(next.path, key);
        if (key.includes('\u0000')) details.push(nulDetail(path));
        else pending.push({ path, value: member });
      }
    }
  }
  return details;
}

function nulDetail(path: string): ErrorDetail {
  return {
    path,
    message: `${path === '' ? 'value' : path} must not contain the NUL character (U+0000)`,
    constraint: NUL_CHARACTER_CONSTRAINT,
  };
}
