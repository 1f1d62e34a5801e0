export type SoqlLiteral =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'date'; value: string }
  | { kind: 'datetime'; value: Date }
  /** TODAY, YESTERDAY, TOMORROW, LAST_N_DAYS:n, NEXT_N_DAYS:n */
  | { kind: 'relative'; name: string; n: number };

export interface SoqlFieldRef {
  path: string;
  /** 1-based column in the query text, for error messages. */
  column: number;
}

export type SoqlOperator = '=' | '!=' | '<' | '>' | '<=' | '>=';

export type SoqlCondition =
  | { kind: 'and' | 'or'; terms: SoqlCondition[] }
  | { kind: 'not'; term: SoqlCondition }
  | { kind: 'compare'; field: SoqlFieldRef; op: SoqlOperator; value: SoqlLiteral }
  | { kind: 'in'; field: SoqlFieldRef; negated: boolean; values: SoqlLiteral[] }
  | { kind: 'like'; field: SoqlFieldRef; pattern: string };

export interface SoqlOrder {
  field: SoqlFieldRef;
  descending: boolean;
  nullsLast: boolean;
}

export interface SoqlQuery {
  object: SoqlFieldRef;
  count: boolean;
  fields: SoqlFieldRef[];
  where?: SoqlCondition;
  orderBy: SoqlOrder[];
  limit?: number;
  offset?: number;
}
