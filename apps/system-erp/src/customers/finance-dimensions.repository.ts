import { Injectable } from '@nestjs/common';
import { type CustomerV1 } from '@concord/contracts';
import { DataSource } from '@concord/persistence';

/** A default finance dimension of an ERP customer: the dimension and the value its postings carry. */
export interface FinanceDimension {
  dimensionCode: string;
  valueCode: string;
}

export interface FinanceDimensionRule {
  source: 'territory' | 'segment';
  sourceValue: string;
  dimensionCode: string;
  valueCode: string;
}

/**
 * The dimensions the rules give a customer, one per dimension code. When its territory and its segment
 * both name a value for the same dimension, the segment's wins: it is the more specific of the two.
 */
export function dimensionsFor(
  customer: Pick<CustomerV1, 'territory' | 'segment'>,
  rules: readonly FinanceDimensionRule[],
): FinanceDimension[] {
  const byCode = new Map<string, string>();
  for (const source of ['territory', 'segment'] as const) {
    const value = customer[source]?.trim().toLowerCase();
    if (!value) continue;
    for (const rule of rules) {
      if (rule.source === source && rule.sourceValue.trim().toLowerCase() === value) {
        byCode.set(rule.dimensionCode, rule.valueCode);
      }
    }
  }
  return [...byCode]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([dimensionCode, valueCode]) => ({ dimensionCode, valueCode }));
}

/** The `finance_dimension_rule` table: territory or segment → default dimension value. */
@Injectable()
export class FinanceDimensionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The dimensions of each customer, in input order, from one read of the rules they name. */
  async forCustomers(
    customers: ReadonlyArray<Pick<CustomerV1, 'territory' | 'segment'>>,
  ): Promise<FinanceDimension[][]> {
    const values = new Set(
      customers
        .flatMap((customer) => [customer.territory, customer.segment])
        .filter((value): value is string => !!value)
        .map((value) => value.trim().toLowerCase()),
    );
    if (values.size === 0) return customers.map(() => []);
    const rules: FinanceDimensionRule[] = await this.dataSource.query(
      `SELECT source, source_value AS "sourceValue", dimension_code AS "dimensionCode",
              dimension_value_code AS "valueCode"
         FROM finance_dimension_rule WHERE lower(source_value) = ANY($1)`,
      [[...values]],
    );
    return customers.map((customer) => dimensionsFor(customer, rules));
  }
}
