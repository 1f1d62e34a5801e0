import { type DeprecationName } from './deprecation.config.js';

export const DEPRECATION = 'concord:deprecation';
/** OpenAPI extension the document post-processing turns into `deprecated` and documented headers. */
export const DEPRECATION_EXTENSION = 'x-concord-deprecation';

export interface DeprecationMetadata {
  name: DeprecationName;
  /** Path template of the successor, e.g. `/v2/customers/:id`. */
  successor: string;
}
