import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeAddress, normalizeCity } from './address.normalizer.js';
import { normalizeDomain, normalizePhone, normalizeTaxId } from './contact.normalizers.js';
import { normalizeName } from './name.normalizer.js';

describe('normalizeName', () => {
  it('lower-cases, strips accents and punctuation, joins apostrophes and spells out &', () => {
    assert.equal(normalizeName("Arnie Morton's of Chicago"), 'arnie mortons of chicago');
    assert.equal(normalizeName('Pano’s & Paul’s'), 'panos and pauls');
    assert.equal(normalizeName('Café Zürich-Nord'), 'cafe zurich nord');
  });

  it('removes trailing legal-form suffixes, dotted or not, repeatedly', () => {
    assert.equal(normalizeName('Acme, Inc.'), 'acme');
    assert.equal(normalizeName('Müller Maschinenbau GmbH'), 'muller maschinenbau');
    assert.equal(normalizeName('Rossi S.p.A.'), 'rossi');
    assert.equal(normalizeName('Dupont S.A.'), 'dupont');
    assert.equal(normalizeName('Van Dijk B.V.'), 'van dijk');
    assert.equal(normalizeName('Widgets Pty Ltd'), 'widgets');
    assert.equal(normalizeName('Acme Holdings Corp.'), 'acme holdings');
  });

  it('keeps suffix words that do not end the name, and never empties a name', () => {
    assert.equal(normalizeName('Co-op Bank'), 'co op bank');
    assert.equal(normalizeName('The Limited'), 'limited');
    assert.equal(normalizeName('Inc'), 'inc');
    assert.equal(normalizeName(''), '');
    assert.equal(normalizeName(null), '');
  });

  it('drops noise words such as "the"', () => {
    assert.equal(normalizeName('Steak House, The'), 'steak house');
  });
});

describe('normalizeAddress', () => {
  it('abbreviates street types and directions and drops punctuation', () => {
    assert.equal(normalizeAddress('435 S. La Cienega Boulevard'), '435 s la cienega blvd');
    assert.equal(normalizeAddress('435 s. la cienega blv.'), '435 s la cienega blvd');
    assert.equal(normalizeAddress('100 North Main Street, Suite 200'), '100 n main st ste 200');
    assert.equal(normalizeAddress('747 Ninth Avenue'), '747 9th ave');
  });

  it('drops a directions note after the street', () => {
    assert.equal(normalizeAddress('2450 broadway  between 90th and 91st sts.'), '2450 broadway');
    assert.equal(normalizeAddress('57 jane st.  off hudson st.'), '57 jane st');
  });

  it('normalizes cities', () => {
    assert.equal(normalizeCity('W. Hollywood'), 'w hollywood');
    assert.equal(normalizeCity(undefined), '');
  });
});

describe('normalizePhone', () => {
  it('reduces North American numbers to +1 and ten digits whatever the format', () => {
    assert.equal(normalizePhone('310/246-1501'), '+13102461501');
    assert.equal(normalizePhone('(310) 246-1501'), '+13102461501');
    assert.equal(normalizePhone('1-310-246-1501'), '+13102461501');
    assert.equal(normalizePhone('+1 310 246 1501'), '+13102461501');
  });

  it('formats other numbers as E.164 through libphonenumber, using the default country', () => {
    assert.equal(normalizePhone('+49 30 1234567'), '+49301234567');
    assert.equal(normalizePhone('030 1234567', 'DE'), '+49301234567');
  });

  it('falls back to digits and handles empty input', () => {
    assert.equal(normalizePhone('12'), '12');
    assert.equal(normalizePhone('n/a'), '');
    assert.equal(normalizePhone(null), '');
  });
});

describe('normalizeDomain and normalizeTaxId', () => {
  it('keeps only the host of a URL or e-mail address', () => {
    assert.equal(normalizeDomain('https://www.Example.com/about?x=1'), 'example.com');
    assert.equal(normalizeDomain('http://shop.example.co.uk:8080/'), 'shop.example.co.uk');
    assert.equal(normalizeDomain('www2.example.com.'), 'example.com');
    assert.equal(normalizeDomain('ap@billing.example.com'), 'billing.example.com');
    assert.equal(normalizeDomain(''), '');
  });

  it('keeps letters and digits of a tax ID, upper case', () => {
    assert.equal(normalizeTaxId('de 136-695.976'), 'DE136695976');
    assert.equal(normalizeTaxId(undefined), '');
  });
});
