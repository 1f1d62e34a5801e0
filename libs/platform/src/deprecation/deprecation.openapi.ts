import { type OpenAPIObject } from '@nestjs/swagger';
import { DEPRECATIONS } from './deprecation.config.js';
import { deprecationHeader, successorLinkHeader, sunsetHeader } from './deprecation-headers.util.js';
import { DEPRECATION_EXTENSION, type DeprecationMetadata } from './deprecation.types.js';

type Operation = Record<string, unknown> & {
  description?: string;
  responses?: Record<string, { headers?: Record<string, unknown> }>;
};

/** `/v2/customers/:id` as OpenAPI writes paths: `/v2/customers/{id}`. */
function openApiPath(template: string): string {
  return template.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function headersOf(metadata: DeprecationMetadata, successor: string): Record<string, unknown> {
  const defaults = DEPRECATIONS[metadata.name];
  return {
    Deprecation: {
      description: 'RFC 9745: when this operation was deprecated, as `@<unix seconds>`',
      schema: { type: 'string', example: deprecationHeader(new Date(defaults.deprecatedAt)) },
    },
    Sunset: {
      description: 'RFC 8594: the HTTP-date after which this operation may stop answering',
      schema: { type: 'string', example: sunsetHeader(new Date(defaults.sunsetAt)) },
    },
    Link: {
      description: `The operation that replaces this one: \`${successor}\`, rel="successor-version"`,
      schema: { type: 'string', example: successorLinkHeader(successor) },
    },
  };
}

/**
 * Turns the marks `@Deprecated` leaves on operations into OpenAPI: `deprecated: true`, the successor
 * named in the description, and the three headers on every successful answer.
 */
export function documentDeprecations(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item) as Operation[]) {
      const metadata = operation?.[DEPRECATION_EXTENSION] as DeprecationMetadata | undefined;
      if (!metadata) continue;
      delete operation[DEPRECATION_EXTENSION];
      operation['deprecated'] = true;
      const successor = openApiPath(metadata.successor);
      operation.description = `${operation.description ?? ''}\n\nDeprecated: use \`${successor}\`.`.trim();
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (status.startsWith('2'))
          response.headers = { ...response.headers, ...headersOf(metadata, successor) };
      }
    }
  }
  return document;
}
