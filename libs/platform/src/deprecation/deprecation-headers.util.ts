import { type DeprecationWindow } from './deprecation.config.js';

/** RFC 9745: a Structured Field Date, `@` and the Unix time in seconds. */
export function deprecationHeader(at: Date): string {
  return `@${Math.floor(at.getTime() / 1000)}`;
}

/** RFC 8594: an HTTP-date (IMF-fixdate). */
export function sunsetHeader(at: Date): string {
  return at.toUTCString();
}

/**
 * The successor's URL from a template such as `/v2/customers/:id`: each `:param` takes the request's
 * value, percent-encoded so a hostile value cannot break out of the Link header's `<…>`.
 */
export function successorPath(template: string, params: Readonly<Record<string, unknown>>): string {
  return template.replace(/:([A-Za-z0-9_]+)/g, (whole, name: string) => {
    const value = params[name];
    return typeof value === 'string' ? encodeURIComponent(value) : whole;
  });
}

/** RFC 8288 Link to the version that replaces this one. */
export function successorLinkHeader(path: string): string {
  return `<${path}>; rel="successor-version"`;
}

export function deprecationHeaders(window: DeprecationWindow, successor: string): Record<string, string> {
  return {
    deprecation: deprecationHeader(window.deprecatedAt),
    sunset: sunsetHeader(window.sunsetAt),
    link: successorLinkHeader(successor),
  };
}
