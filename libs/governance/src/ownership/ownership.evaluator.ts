import { type ErrorDetail } from '@concord/contracts';
import { type OwnerSystem, OWNERSHIP_MATRIX, type OwnershipContext } from './ownership.matrix.js';

export interface OwnershipVerdict {
  /** Fields the writer owns: these may be applied. */
  accepted: string[];
  /** Fields another system owns, each with its owner: never applied. */
  violations: Array<{ path: string; owner: OwnerSystem }>;
}

/** The owner of a field of a domain, or undefined when the matrix does not know the field. */
export function ownerOf(
  domain: string,
  field: string,
  context: OwnershipContext = {},
): OwnerSystem | undefined {
  const top = field.split('.')[0] ?? field;
  const group = OWNERSHIP_MATRIX[domain]?.find((candidate) => candidate.fields.includes(top));
  return group?.owner(context);
}

/**
 * Splits the fields a system wants to write into the ones it owns and the violations. A field the
 * matrix does not name is refused too (owner `unknown` is never a writer), so a new field cannot
 * slip through before someone decides who owns it.
 */
export function evaluateOwnership(
  domain: string,
  writer: OwnerSystem,
  fields: readonly string[],
  context: OwnershipContext = {},
): OwnershipVerdict {
  const verdict: OwnershipVerdict = { accepted: [], violations: [] };
  for (const path of fields) {
    const owner = ownerOf(domain, path, context);
    if (owner === writer) verdict.accepted.push(path);
    else verdict.violations.push({ path, owner: owner ?? 'concord' });
  }
  return verdict;
}

/** Error details of a refused write: `[{path, owner, message}]`. */
export function violationDetails(violations: OwnershipVerdict['violations']): ErrorDetail[] {
  return violations.map(({ path, owner }) => ({ path, owner, message: `${path} is owned by ${owner}` }));
}
