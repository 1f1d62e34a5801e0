import { type Probe } from '../shared/indexed.store.js';
import { invalidRequest } from './stripe.errors.js';

export type SearchFieldKind = 'string' | 'number' | 'boolean' | 'metadata';

export interface SearchField<T> {
  kind: SearchFieldKind;
  read: (item: T, key?: string) => string | number | boolean | null | undefined;
}

type Operator = ':' | '~' | '>' | '<' | '>=' | '<=';

interface Clause {
  negated: boolean;
  field: string;
  key?: string;
  op: Operator;
  value: string | number | null;
}

const CLAUSE =
  /^\s*(-)?\s*([a-z_]+)(?:\[\s*(['"])(.+?)\3\s*\])?\s*(>=|<=|:|~|>|<)\s*(?:(['"])((?:\\.|(?!\6).)*)\6|(-?\d+(?:\.\d+)?)|(null))\s*/i;

function parseError(query: string): Error {
  return invalidRequest(
    `We were unable to parse your search query. Try using the format \`metadata["key"]:"value"\` to query for metadata or \`key:"value"\` to query for attributes. Query: ${query}`,
    'query',
  );
}

function parseClauses(query: string): { clauses: Clause[]; joiner: 'and' | 'or' } {
  const clauses: Clause[] = [];
  let joiner: 'and' | 'or' | undefined;
  let rest = query;
  for (;;) {
    const match = CLAUSE.exec(rest);
    if (!match) throw parseError(query);
    const [whole, minus, field = '', , key, op, , quoted, number, isNull] = match;
    clauses.push({
      negated: minus === '-',
      field,
      ...(key !== undefined ? { key } : {}),
      op: op as Operator,
      value: isNull ? null : number !== undefined ? Number(number) : (quoted ?? '').replace(/\\(.)/g, '$1'),
    });
    rest = rest.slice(whole.length);
    if (rest.trim() === '') break;
    const connective = /^(AND|OR)\s+/.exec(rest);
    const next = connective?.[1]?.toLowerCase() as 'and' | 'or' | undefined;
    // Stripe search refuses AND and OR in the same query.
    if (!connective || !next || (joiner !== undefined && joiner !== next)) throw parseError(query);
    joiner = next;
    rest = rest.slice(connective[0].length);
  }
  if (clauses.length > 10) throw invalidRequest('Search queries can have at most 10 clauses.', 'query');
  return { clauses, joiner: joiner ?? 'and' };
}

/** The form `:` compares: missing values read as empty, letters in lower case. */
const exactForm = (value: string | number | boolean | null | undefined): string =>
  String(value ?? '').toLowerCase();

/** A clause as a test of one item, with its value prepared once rather than per item searched. */
function clauseTest<T>(clause: Clause, spec: SearchField<T>): (item: T) => boolean {
  const value = clause.value;
  const lowered = String(value).toLowerCase();
  const right = Number(value);
  const holds = (item: T): boolean => {
    const actual = spec.read(item, clause.key);
    if (value === null) return actual === null || actual === undefined || actual === '';
    if (clause.op === ':') return exactForm(actual) === lowered;
    if (clause.op === '~')
      return String(actual ?? '')
        .toLowerCase()
        .includes(lowered);
    const left = Number(actual);
    return clause.op === '>'
      ? left > right
      : clause.op === '<'
        ? left < right
        : clause.op === '>='
          ? left >= right
          : left <= right;
  };
  return clause.negated ? (item) => !holds(item) : holds;
}

/** A plain `:` clause as a lookup in an index of the exact form of its field. */
function clauseProbe<T>(clause: Clause, spec: SearchField<T>): Probe<T> | undefined {
  if (clause.negated || clause.op !== ':' || clause.value === null) return undefined;
  return {
    index: clause.key === undefined ? clause.field : `${clause.field}[${clause.key}]`,
    keyOf: (item) => exactForm(spec.read(item, clause.key)),
    key: String(clause.value).toLowerCase(),
  };
}

/**
 * Probes that find every item the query can match: one indexable clause of an AND, or each clause of
 * an OR when all of them are indexable.
 */
function queryProbes<T>(
  clauses: Clause[],
  joiner: 'and' | 'or',
  fields: Record<string, SearchField<T>>,
): Probe<T>[] | undefined {
  const probes = clauses.map((clause) => clauseProbe(clause, fields[clause.field] as SearchField<T>));
  const usable = probes.filter((probe): probe is Probe<T> => probe !== undefined);
  if (joiner === 'and') return usable.length > 0 ? usable.slice(0, 1) : undefined;
  return usable.length === probes.length ? usable : undefined;
}

export interface CompiledSearch<T> {
  matches: (item: T) => boolean;
  /** When set, every match is found by one of these probes, so only their items need testing. */
  probes?: Probe<T>[];
}

/** Stripe's search query language: `field:'v'`, `metadata['k']:'v'`, `~` substring, ranges, `-` negation. */
export function compileSearchQuery<T>(
  query: string,
  fields: Record<string, SearchField<T>>,
  resource: string,
): (item: T) => boolean {
  return compileSearch(query, fields, resource).matches;
}

/** The query's test, and the index lookups that narrow the items it needs to run on. */
export function compileSearch<T>(
  query: string,
  fields: Record<string, SearchField<T>>,
  resource: string,
): CompiledSearch<T> {
  const { clauses, joiner } = parseClauses(query);
  for (const clause of clauses) {
    const spec = fields[clause.field];
    if (!spec) {
      throw invalidRequest(
        `Field '${clause.field}' is an unsupported search field for resource ${resource}. See http://stripe.com/docs/search#query-fields-for-${resource} for a list of supported fields.`,
        'query',
      );
    }
    if ((spec.kind === 'metadata') !== (clause.key !== undefined)) throw parseError(query);
    if (clause.op === '~' && String(clause.value ?? '').length < 3) {
      throw invalidRequest('The substring operator (~) requires a value of at least 3 characters.', 'query');
    }
    if (['>', '<', '>=', '<='].includes(clause.op) && spec.kind !== 'number') throw parseError(query);
  }
  const tests = clauses.map((clause) => clauseTest(clause, fields[clause.field] as SearchField<T>));
  const matches =
    joiner === 'and'
      ? (item: T) => tests.every((test) => test(item))
      : (item: T) => tests.some((test) => test(item));
  const probes = queryProbes(clauses, joiner, fields);
  return probes ? { matches, probes } : { matches };
}
