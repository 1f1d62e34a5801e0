import { badRequest } from './business-central.errors.js';

export type FilterLiteral =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'guid'; value: string }
  | { kind: 'date'; value: string }
  | { kind: 'datetime'; value: number };

export type ComparisonOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

export type FilterExpr =
  | { kind: 'and' | 'or'; left: FilterExpr; right: FilterExpr }
  | { kind: 'not'; operand: FilterExpr }
  | { kind: 'compare'; op: ComparisonOp; field: string; value: FilterLiteral }
  | { kind: 'function'; name: 'contains' | 'startswith' | 'endswith'; field: string; value: string };

type Token = { kind: 'word' | 'literal' | 'punct'; text: string; literal?: FilterLiteral; position: number };

const LITERALS: [RegExp, (text: string) => FilterLiteral][] = [
  [/^'(?:[^']|'')*'/, (text) => ({ kind: 'string', value: text.slice(1, -1).replace(/''/g, "'") })],
  [
    /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![\w-])/,
    (text) => ({ kind: 'guid', value: text.toLowerCase() }),
  ],
  [
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})/,
    (text) => ({ kind: 'datetime', value: Date.parse(text) }),
  ],
  [/^\d{4}-\d{2}-\d{2}(?![\dT])/, (text) => ({ kind: 'date', value: text })],
  [
    /^-?\d+(\.\d+)?([eE][+-]?\d+)?[mMdDfFlL]?(?![\w.])/,
    (text) => ({ kind: 'number', value: Number(text.replace(/[mMdDfFlL]$/, '')) }),
  ],
];

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < source.length) {
    const rest = source.slice(at);
    const space = /^\s+/.exec(rest);
    if (space) {
      at += space[0].length;
      continue;
    }
    const literal = LITERALS.map(([regex, build]) => [regex.exec(rest), build] as const).find(
      ([match]) => match,
    );
    if (literal?.[0]) {
      const text = literal[0][0];
      tokens.push({ kind: 'literal', text, literal: literal[1](text), position: at });
      at += text.length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_./]*/.exec(rest);
    if (word) {
      tokens.push({ kind: 'word', text: word[0], position: at });
      at += word[0].length;
      continue;
    }
    if ('(),'.includes(rest.charAt(0))) {
      tokens.push({ kind: 'punct', text: rest.charAt(0), position: at });
      at += 1;
      continue;
    }
    throw syntaxError(source, at);
  }
  return tokens;
}

function syntaxError(source: string, position: number): Error {
  return badRequest(`Syntax error at position ${position} in '${source}'.`);
}

const COMPARISONS = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'];
const FUNCTIONS = ['contains', 'startswith', 'endswith'];

/** The `$filter` subset Business Central clients use: comparisons, and/or/not, parentheses, string functions. */
export function parseFilter(source: string): FilterExpr {
  const tokens = tokenize(source);
  let index = 0;
  const peek = (): Token | undefined => tokens[index];
  const fail = (): never => {
    throw syntaxError(source, peek()?.position ?? source.length);
  };
  const expectPunct = (text: string): void => {
    if (peek()?.kind !== 'punct' || peek()?.text !== text) fail();
    index += 1;
  };
  const isWord = (text: string): boolean => peek()?.kind === 'word' && peek()?.text.toLowerCase() === text;

  const literal = (): FilterLiteral => {
    const token = peek();
    index += 1;
    if (token?.kind === 'literal' && token.literal) return token.literal;
    const word = token?.kind === 'word' ? token.text.toLowerCase() : '';
    if (word === 'true' || word === 'false') return { kind: 'boolean', value: word === 'true' };
    if (word === 'null') return { kind: 'null' };
    index -= 1;
    return fail();
  };

  const primary = (): FilterExpr => {
    if (peek()?.kind === 'punct' && peek()?.text === '(') {
      index += 1;
      const inner = or();
      expectPunct(')');
      return inner;
    }
    if (isWord('not')) {
      index += 1;
      return { kind: 'not', operand: primary() };
    }
    const token = peek();
    if (token?.kind !== 'word') return fail();
    index += 1;
    const name = token.text.toLowerCase();
    if (FUNCTIONS.includes(name) && peek()?.text === '(') {
      index += 1;
      const field = peek();
      if (field?.kind !== 'word') return fail();
      index += 1;
      expectPunct(',');
      const value = literal();
      if (value.kind !== 'string') return fail();
      expectPunct(')');
      return {
        kind: 'function',
        name: name as 'contains' | 'startswith' | 'endswith',
        field: field.text,
        value: value.value,
      };
    }
    const op = peek();
    if (op?.kind !== 'word' || !COMPARISONS.includes(op.text.toLowerCase())) return fail();
    index += 1;
    return {
      kind: 'compare',
      op: op.text.toLowerCase() as ComparisonOp,
      field: token.text,
      value: literal(),
    };
  };

  const and = (): FilterExpr => {
    let left = primary();
    while (isWord('and')) {
      index += 1;
      left = { kind: 'and', left, right: primary() };
    }
    return left;
  };

  const or = (): FilterExpr => {
    let left = and();
    while (isWord('or')) {
      index += 1;
      left = { kind: 'or', left, right: and() };
    }
    return left;
  };

  const expression = or();
  if (index < tokens.length) fail();
  return expression;
}
