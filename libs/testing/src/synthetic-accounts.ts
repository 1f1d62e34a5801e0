/**
 * Distinct, valid Salesforce Accounts for load and end-to-end runs: names built from random syllables
 * so no two are near-duplicates of each other (the matcher would hold them for review otherwise).
 */
export interface SyntheticAccount {
  Name: string;
  Type: string;
  BillingStreet: string;
  BillingCity: string;
  BillingPostalCode: string;
  BillingCountry: string;
  CurrencyIsoCode: string;
  Website: string;
  Phone: string;
}

const SYLLABLES =
  'ka lo mi ne ru sa te vo zu bri cor dax fen gil hum jor kev lin mor nax pel quin rav sol tur vex wyn'.split(
    ' ',
  );
const PLACES = [
  { country: 'DE', currency: 'EUR', city: 'Berlin', postalCode: '10115', phone: '+49 30 ' },
  { country: 'US', currency: 'USD', city: 'Austin', postalCode: '78701', phone: '+1 512 ' },
  { country: 'GB', currency: 'GBP', city: 'Leeds', postalCode: 'LS1 4AP', phone: '+44 113 ' },
] as const;

/** A small deterministic PRNG (mulberry32), so a seed reproduces the same accounts. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function word(random: () => number, syllables: number): string {
  let text = '';
  for (let i = 0; i < syllables; i++) text += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `count` accounts of the given type; `index` keeps names unique even when syllables repeat. */
export function syntheticAccounts(count: number, seed: number, type = 'Customer'): SyntheticAccount[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, index) => {
    const place = PLACES[index % PLACES.length]!;
    const brand = `${word(random, 3)} ${word(random, 2)}`;
    const slug = `${brand.toLowerCase().replace(/ /g, '-')}-${seed.toString(36)}${index.toString(36)}`;
    const digits = String(1_000_000 + Math.floor(random() * 8_999_999));
    return {
      Name: `${brand} ${seed.toString(36).toUpperCase()}${index.toString(36).toUpperCase()} Ltd`,
      Type: type,
      BillingStreet: `${1 + Math.floor(random() * 200)} ${word(random, 2)} Street`,
      BillingCity: place.city,
      BillingPostalCode: place.postalCode,
      BillingCountry: place.country,
      CurrencyIsoCode: place.currency,
      Website: `${slug}.example.com`,
      Phone: `${place.phone}${digits}`,
    };
  });
}
