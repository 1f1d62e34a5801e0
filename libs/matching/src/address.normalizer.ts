import { foldCase, tokenize } from './name.normalizer.js';

/** Postal abbreviations (USPS style) and ordinal words, applied token by token. */
const ABBREVIATIONS: Record<string, string> = {
  street: 'st',
  str: 'st',
  strasse: 'str',
  avenue: 'ave',
  av: 'ave',
  boulevard: 'blvd',
  blv: 'blvd',
  road: 'rd',
  drive: 'dr',
  suite: 'ste',
  lane: 'ln',
  place: 'pl',
  court: 'ct',
  square: 'sq',
  parkway: 'pkwy',
  highway: 'hwy',
  terrace: 'ter',
  circle: 'cir',
  floor: 'fl',
  apartment: 'apt',
  building: 'bldg',
  north: 'n',
  south: 's',
  east: 'e',
  west: 'w',
  northeast: 'ne',
  northwest: 'nw',
  southeast: 'se',
  southwest: 'sw',
  first: '1st',
  second: '2nd',
  third: '3rd',
  fourth: '4th',
  fifth: '5th',
  sixth: '6th',
  seventh: '7th',
  eighth: '8th',
  ninth: '9th',
  tenth: '10th',
  and: 'and',
};

/** Words that start a directions note (`between 5th and 6th ave.`, `off hudson st.`) after the address. */
const DIRECTION_NOTES = new Set(['between', 'btwn', 'off', 'near', 'corner', 'at']);

/**
 * A comparable street address: lower case, no accents or punctuation, standard abbreviations
 * (`Boulevard` → `blvd`, `Suite` → `ste`, `North` → `n`, `Ninth` → `9th`), directions notes dropped.
 */
export function normalizeAddress(raw: string | null | undefined): string {
  if (!raw) return '';
  const tokens = tokenize(foldCase(raw).replace(/&/g, ' and ')).map((token) => ABBREVIATIONS[token] ?? token);
  const note = tokens.findIndex((token, index) => index >= 2 && DIRECTION_NOTES.has(token));
  return (note > 0 ? tokens.slice(0, note) : tokens).join(' ');
}

/** A comparable city name: lower case, no accents, punctuation or abbreviation dots. */
export function normalizeCity(raw: string | null | undefined): string {
  if (!raw) return '';
  return tokenize(foldCase(raw)).join(' ');
}
