import { randomInt } from 'node:crypto';
import { toBase62 } from '../shared/random.util.js';

const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const ID_PATTERN = /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/;

/** The 3-character suffix that makes an ID safe for case-insensitive systems: one character per 5-char chunk. */
export function checksumSuffix(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk += 1) {
    let flags = 0;
    for (let i = 0; i < 5; i += 1) {
      const char = id15.charAt(chunk * 5 + i);
      if (char >= 'A' && char <= 'Z') flags |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET.charAt(flags);
  }
  return suffix;
}

/**
 * Normalizes a 15- or 18-character ID to its 18-character form. An 18-character ID may arrive with its
 * case lost; the suffix says which letters were upper case, as Salesforce itself reads it.
 */
export function normalizeId(id: string): string | undefined {
  if (!ID_PATTERN.test(id)) return undefined;
  if (id.length === 15) return id + checksumSuffix(id);
  const suffix = id.slice(15).toUpperCase();
  let restored = '';
  for (let chunk = 0; chunk < 3; chunk += 1) {
    const flags = SUFFIX_ALPHABET.indexOf(suffix.charAt(chunk));
    if (flags < 0) return undefined;
    for (let i = 0; i < 5; i += 1) {
      const char = id.charAt(chunk * 5 + i);
      restored += flags & (1 << i) ? char.toUpperCase() : char.toLowerCase();
    }
  }
  return restored + checksumSuffix(restored);
}

export class SalesforceIdFactory {
  // A random start keeps IDs from different sandbox runs apart, like records of different orgs.
  private counter = randomInt(1_000_000, 1_000_000_000);

  next(keyPrefix: string): string {
    this.counter += 1;
    const id15 = `${keyPrefix}8c0${toBase62(this.counter, 9)}`;
    return id15 + checksumSuffix(id15);
  }
}
