import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileSearchQuery, type SearchField } from './search-query.parser.js';
import { StripeError } from './stripe.errors.js';

interface Item {
  email: string | null;
  name: string | null;
  created: number;
  metadata: Record<string, string>;
}

const FIELDS: Record<string, SearchField<Item>> = {
  email: { kind: 'string', read: (item) => item.email },
  name: { kind: 'string', read: (item) => item.name },
  created: { kind: 'number', read: (item) => item.created },
  metadata: { kind: 'metadata', read: (item, key) => (key === undefined ? undefined : item.metadata[key]) },
};

const items: Item[] = [
  { email: 'a@acme.example', name: 'Acme Corp', created: 100, metadata: { concord_id: 'c-1' } },
  { email: null, name: 'Globex', created: 200, metadata: { concord_id: 'c-2', tier: 'gold' } },
];

const search = (query: string) =>
  items.filter(compileSearchQuery(query, FIELDS, 'customers')).map((item) => item.name);

describe('compileSearchQuery', () => {
  it('matches metadata with single or double quotes', () => {
    assert.deepEqual(search("metadata['concord_id']:'c-2'"), ['Globex']);
    assert.deepEqual(search('metadata["concord_id"]:"c-1"'), ['Acme Corp']);
  });

  it('supports exact, substring, range, null and negation', () => {
    assert.deepEqual(search("name:'acme corp'"), ['Acme Corp']);
    assert.deepEqual(search("name~'lob'"), ['Globex']);
    assert.deepEqual(search('created>150'), ['Globex']);
    assert.deepEqual(search('email:null'), ['Globex']);
    assert.deepEqual(search("-name:'Globex'"), ['Acme Corp']);
  });

  it('combines clauses with AND or OR, never both', () => {
    assert.deepEqual(search("metadata['tier']:'gold' AND created>100"), ['Globex']);
    assert.deepEqual(search("name:'Globex' OR email:'a@acme.example'"), ['Acme Corp', 'Globex']);
    assert.throws(() => search("name:'a' AND name:'b' OR name:'c'"), StripeError);
  });

  it('refuses unsupported fields and malformed queries with param=query', () => {
    assert.throws(
      () => search("phone:'1'"),
      (error: StripeError) => error.param === 'query' && /unsupported search field/.test(error.message),
    );
    assert.throws(() => search('name=Acme'), StripeError);
    assert.throws(() => search("name~'ab'"), /at least 3 characters/);
  });
});
