/** Anything that runs SQL: a data source, an entity manager or a query runner. */
export interface SqlRunner {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/**
 * Rows of an `UPDATE … RETURNING` or `DELETE … RETURNING`. TypeORM answers those with
 * `[rows, affectedCount]` rather than the rows, so `result.length` would always be 2.
 */
export async function updateRows<T>(runner: SqlRunner, sql: string, params: unknown[]): Promise<T[]> {
  const result = await runner.query(sql, params);
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  )
    return result[0] as T[];
  return result as T[];
}
