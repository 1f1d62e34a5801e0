export type RouteMatcher = (methodAndPath: string) => boolean;

const REGEX_LITERAL = /^\/(.+)\/([dgimsuy]*)$/;

/**
 * Faults name their target as a glob or a regular expression over "METHOD /path" (no query string).
 * `/…/flags` is a regular expression (so a path glob must not end in `/`); anything else is a glob where `*` matches any run of characters and
 * `?` one character. A glob without a method ("/v1/customers*") matches every method.
 */
export function compileRouteMatcher(route: string): RouteMatcher {
  const literal = REGEX_LITERAL.exec(route);
  if (literal?.[1] !== undefined) {
    const regex = new RegExp(literal[1], literal[2]?.replace('g', ''));
    return (subject) => regex.test(subject);
  }
  const glob = route.startsWith('/') ? `* ${route}` : route;
  const pattern = glob
    .split('')
    .map((char) => {
      if (char === '*') return '.*';
      if (char === '?') return '.';
      return char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  const regex = new RegExp(`^${pattern}$`, 'i');
  return (subject) => regex.test(subject);
}
