/** Jaro similarity of two strings, 0..1. */
export function jaro(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatched = new Uint8Array(a.length);
  const bMatched = new Uint8Array(b.length);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(b.length - 1, i + window);
    for (let j = from; j <= to; j++) {
      if (bMatched[j] || a.charCodeAt(i) !== b.charCodeAt(j)) continue;
      aMatched[i] = 1;
      bMatched[j] = 1;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    if (!aMatched[i]) continue;
    while (!bMatched[k]) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  return (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3;
}

/** Jaro-Winkler similarity, 0..1: Jaro boosted by a common prefix of up to four characters. */
export function jaroWinkler(a: string, b: string, prefixScale = 0.1): number {
  const base = jaro(a, b);
  let prefix = 0;
  const limit = Math.min(4, a.length, b.length);
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return base + prefix * prefixScale * (1 - base);
}

/** Below this Jaro-Winkler similarity two tokens count as different words, not as a typo of each other. */
export const TOKEN_MATCH_FLOOR = 0.88;

function bestMatchAverage(from: readonly string[], to: readonly string[]): number {
  let total = 0;
  for (const token of from) {
    let best = 0;
    for (const other of to) {
      const similarity = token === other ? 1 : jaroWinkler(token, other);
      if (similarity > best) best = similarity;
      if (best === 1) break;
    }
    total += best >= TOKEN_MATCH_FLOOR ? best : 0;
  }
  return total / from.length;
}

/**
 * Order-independent similarity of two token lists, 0..1. Each token takes its best Jaro-Winkler match on the
 * other side (a typo still counts, a different word counts 0): `containment` is the better of the two
 * directions (1 when one name is the other plus qualifiers), `overall` the average over all tokens.
 */
export function tokenSetSimilarity(
  a: readonly string[],
  b: readonly string[],
): { containment: number; overall: number } {
  if (a.length === 0 || b.length === 0) return { containment: 0, overall: 0 };
  const forward = bestMatchAverage(a, b);
  const backward = bestMatchAverage(b, a);
  const overall = (forward * a.length + backward * b.length) / (a.length + b.length);
  return { containment: Math.max(forward, backward), overall };
}

/** The padded character trigrams of a string, as pg_trgm builds them per word (`'  w'`, `' wo'`, …). */
export function trigrams(value: string): Set<string> {
  const grams = new Set<string>();
  for (const word of value.split(' ')) {
    if (word.length === 0) continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  }
  return grams;
}

/** Trigram similarity as pg_trgm's `similarity()`: shared trigrams over the union, 0..1. */
export function trigramSimilarity(a: string, b: string): number {
  const left = trigrams(a);
  const right = trigrams(b);
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const gram of left) if (right.has(gram)) shared++;
  return shared / (left.size + right.size - shared);
}
