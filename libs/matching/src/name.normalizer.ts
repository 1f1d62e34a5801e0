/** Legal-form suffixes removed when they end a name (after dotted forms such as `S.A.` are collapsed). */
const LEGAL_SUFFIXES = new Set([
  'inc',
  'incorporated',
  'llc',
  'ltd',
  'limited',
  'gmbh',
  'ag',
  'sa',
  'bv',
  'nv',
  'sarl',
  'srl',
  'spa',
  'corp',
  'corporation',
  'co',
  'plc',
  'pty',
]);

/** Words that carry no identity wherever they stand in a name. */
const NOISE_WORDS = new Set(['the']);

/** Lower case without accents or marks (NFKD, combining marks removed). */
export function foldCase(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** `s.a.` → `sa`, `s.p.a` → `spa`: single letters joined by dots become one token. */
function collapseDottedAbbreviations(value: string): string {
  return value.replace(/\b\p{L}(?:\.\p{L})+\b\.?/gu, (match) => match.replace(/\./g, ''));
}

/** Splits on everything that is not a letter or digit; apostrophes join (`morton's` → `mortons`). */
export function tokenize(value: string): string[] {
  return value
    .replace(/['’`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length > 0);
}

/**
 * A comparable company name: lower case, no accents or punctuation, `&` → `and`, noise words and trailing
 * legal-form suffixes (`Inc`, `GmbH`, `S.A.`, `Pty Ltd`, …) removed. Never empties a non-empty name.
 */
export function normalizeName(raw: string | null | undefined): string {
  if (!raw) return '';
  const text = collapseDottedAbbreviations(foldCase(raw).replace(/&/g, ' and ').replace(/\+/g, ' and '));
  const tokens = tokenize(text);
  const kept = tokens.filter((token) => !NOISE_WORDS.has(token));
  while (kept.length > 1 && LEGAL_SUFFIXES.has(kept[kept.length - 1]!)) kept.pop();
  return (kept.length > 0 ? kept : tokens).join(' ');
}
