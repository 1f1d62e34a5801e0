import { parseDateTime } from './salesforce-date.util.js';
import { SalesforceError } from './salesforce.errors.js';
import {
  type SoqlCondition,
  type SoqlFieldRef,
  type SoqlLiteral,
  type SoqlOperator,
  type SoqlOrder,
  type SoqlQuery,
} from './soql.types.js';

type Token =
  | { kind: 'word' | 'string' | 'op' | 'punct'; text: string; column: number }
  | { kind: 'number'; text: string; value: number; column: number }
  | { kind: 'date' | 'datetime'; text: string; column: number }
  | { kind: 'eof'; text: string; column: number };

const LEXEMES: [Token['kind'], RegExp][] = [
  ['datetime', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:?\d{2})/],
  ['date', /^\d{4}-\d{2}-\d{2}(?![\dT])/],
  ['number', /^-?\d+(\.\d+)?(?![\w.])/],
  ['word', /^[A-Za-z_][A-Za-z0-9_.]*/],
  ['op', /^(<=|>=|!=|<>|=|<|>)/],
  ['punct', /^[(),:]/],
];
const RELATIVE_DATES = ['TODAY', 'YESTERDAY', 'TOMORROW'];
const RELATIVE_RANGES = ['LAST_N_DAYS', 'NEXT_N_DAYS'];

/** The message layout Salesforce uses for query errors: the query, a caret, the position, the reason. */
export function queryError(errorCode: string, soql: string, column: number, reason: string): SalesforceError {
  const caret = `${' '.repeat(Math.max(column - 1, 0))}^`;
  return new SalesforceError(
    400,
    errorCode,
    `\n${soql}\n${caret}\nERROR at Row:1:Column:${column}\n${reason}`,
  );
}

function tokenize(soql: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < soql.length) {
    const rest = soql.slice(at);
    const space = /^\s+/.exec(rest);
    if (space) {
      at += space[0].length;
      continue;
    }
    const column = at + 1;
    if (rest.startsWith("'")) {
      let value = '';
      let i = 1;
      for (; i < rest.length && rest[i] !== "'"; i += 1) {
        if (rest[i] === '\\' && i + 1 < rest.length) {
          i += 1;
          const escaped = rest[i] ?? '';
          value +=
            ({ n: '\n', t: '\t', r: '\r' } as Record<string, string>)[escaped] ??
            `${escaped === '%' || escaped === '_' ? '\\' : ''}${escaped}`;
        } else value += rest[i];
      }
      if (i >= rest.length)
        throw queryError('MALFORMED_QUERY', soql, column, `unterminated string literal at ${column}`);
      tokens.push({ kind: 'string', text: value, column });
      at += i + 1;
      continue;
    }
    const lexeme = LEXEMES.map(([kind, regex]) => [kind, regex.exec(rest)] as const).find(
      ([, match]) => match,
    );
    if (!lexeme?.[1])
      throw queryError('MALFORMED_QUERY', soql, column, `unexpected token: '${rest.charAt(0)}'`);
    const [kind, match] = lexeme;
    const text = kind === 'op' && match[0] === '<>' ? '!=' : match[0];
    if (kind === 'number') tokens.push({ kind, text, value: Number(text), column });
    else tokens.push({ kind: kind as 'word' | 'op' | 'punct' | 'date' | 'datetime', text, column });
    at += match[0].length;
  }
  tokens.push({ kind: 'eof', text: '<EOF>', column: soql.length + 1 });
  return tokens;
}

class Parser {
  private index = 0;

  constructor(
    private readonly soql: string,
    private readonly tokens: Token[],
  ) {}

  parse(): SoqlQuery {
    this.keyword('SELECT');
    const query: SoqlQuery = { object: { path: '', column: 0 }, count: false, fields: [], orderBy: [] };
    if (this.isKeyword('COUNT') && this.peek(1).text === '(') {
      this.index += 1;
      this.punct('(');
      this.punct(')');
      query.count = true;
    } else {
      query.fields.push(this.field());
      while (this.accept(',')) query.fields.push(this.field());
    }
    this.keyword('FROM');
    query.object = this.field();
    if (this.acceptKeyword('WHERE')) query.where = this.condition();
    if (this.acceptKeyword('ORDER')) {
      this.keyword('BY');
      query.orderBy.push(this.order());
      while (this.accept(',')) query.orderBy.push(this.order());
    }
    if (this.acceptKeyword('LIMIT')) query.limit = this.integer();
    if (this.acceptKeyword('OFFSET')) query.offset = this.integer();
    if (this.peek().kind !== 'eof') this.unexpected();
    return query;
  }

  private condition(): SoqlCondition {
    const terms = [this.unary()];
    let joiner: 'and' | 'or' | undefined;
    while (this.isKeyword('AND') || this.isKeyword('OR')) {
      const next = this.peek().text.toLowerCase() as 'and' | 'or';
      // SOQL refuses AND and OR at the same level without parentheses.
      if (joiner !== undefined && joiner !== next) this.unexpected();
      joiner = next;
      this.index += 1;
      terms.push(this.unary());
    }
    return joiner === undefined ? (terms[0] as SoqlCondition) : { kind: joiner, terms };
  }

  private unary(): SoqlCondition {
    if (this.acceptKeyword('NOT')) return { kind: 'not', term: this.unary() };
    if (this.accept('(')) {
      const inner = this.condition();
      this.punct(')');
      return inner;
    }
    const field = this.field();
    if (this.acceptKeyword('LIKE')) {
      const pattern = this.next();
      if (pattern.kind !== 'string') this.unexpected(pattern);
      return { kind: 'like', field, pattern: pattern.text };
    }
    const negated = this.isKeyword('NOT') && this.peek(1).text.toUpperCase() === 'IN';
    if (negated) this.index += 1;
    if (this.acceptKeyword('IN')) {
      this.punct('(');
      const values = [this.literal()];
      while (this.accept(',')) values.push(this.literal());
      this.punct(')');
      return { kind: 'in', field, negated, values };
    }
    const op = this.next();
    if (op.kind !== 'op') this.unexpected(op);
    return { kind: 'compare', field, op: op.text as SoqlOperator, value: this.literal() };
  }

  private literal(): SoqlLiteral {
    const token = this.next();
    const upper = token.text.toUpperCase();
    switch (token.kind) {
      case 'string':
        return { kind: 'string', value: token.text };
      case 'number':
        return { kind: 'number', value: token.value };
      case 'date':
        return { kind: 'date', value: token.text };
      case 'datetime': {
        const value = parseDateTime(token.text);
        if (!value) this.unexpected(token);
        return { kind: 'datetime', value };
      }
      case 'word':
        if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'boolean', value: upper === 'TRUE' };
        if (upper === 'NULL') return { kind: 'null' };
        if (RELATIVE_DATES.includes(upper)) return { kind: 'relative', name: upper, n: 1 };
        if (RELATIVE_RANGES.includes(upper)) {
          this.punct(':');
          return { kind: 'relative', name: upper, n: this.integer() };
        }
        return this.unexpected(token);
      case 'op':
      case 'punct':
      case 'eof':
        return this.unexpected(token);
    }
  }

  private order(): SoqlOrder {
    const field = this.field();
    let descending = false;
    if (this.acceptKeyword('DESC')) descending = true;
    else this.acceptKeyword('ASC');
    let nullsLast = descending;
    if (this.acceptKeyword('NULLS')) {
      if (this.acceptKeyword('LAST')) nullsLast = true;
      else {
        this.keyword('FIRST');
        nullsLast = false;
      }
    }
    return { field, descending, nullsLast };
  }

  private field(): SoqlFieldRef {
    const token = this.next();
    if (token.kind !== 'word') this.unexpected(token);
    return { path: token.text, column: token.column };
  }

  private integer(): number {
    const token = this.next();
    if (token.kind !== 'number' || !Number.isInteger(token.value) || token.value < 0) this.unexpected(token);
    return token.value;
  }

  private peek(ahead = 0): Token {
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)] as Token;
  }

  private next(): Token {
    const token = this.peek();
    this.index = Math.min(this.index + 1, this.tokens.length - 1);
    return token;
  }

  private isKeyword(word: string): boolean {
    const token = this.peek();
    return token.kind === 'word' && token.text.toUpperCase() === word;
  }

  private acceptKeyword(word: string): boolean {
    if (!this.isKeyword(word)) return false;
    this.index += 1;
    return true;
  }

  private keyword(word: string): void {
    if (!this.acceptKeyword(word)) this.unexpected();
  }

  private accept(punct: string): boolean {
    if (this.peek().kind !== 'punct' || this.peek().text !== punct) return false;
    this.index += 1;
    return true;
  }

  private punct(punct: string): void {
    if (!this.accept(punct)) this.unexpected();
  }

  private unexpected(token: Token = this.peek()): never {
    throw queryError('MALFORMED_QUERY', this.soql, token.column, `unexpected token: '${token.text}'`);
  }
}

export function parseSoql(soql: string): SoqlQuery {
  const trimmed = soql.trim();
  return new Parser(trimmed, tokenize(trimmed)).parse();
}
