import { Injectable } from '@nestjs/common';
import { AdapterError } from '@concord/contracts';
import { type FinanceDimension } from '../../customers/finance-dimensions.repository.js';
import { BusinessCentralClient } from './business-central.client.js';
import { BC_SYSTEM } from './business-central.errors.js';
import { companyPath, ifMatch, readAll } from './business-central.odata.js';
import {
  type BcDefaultDimension,
  type BcDimension,
  type BcDimensionValue,
  type CompanyContext,
} from './business-central.types.js';

interface DimensionEntry {
  id: string;
  values: Map<string, string>;
}

const isSameKey = (error: unknown): boolean =>
  error instanceof AdapterError && error.vendor?.code === 'Internal_EntityWithSameKeyExists';

/**
 * A customer's default dimensions (`customers({id})/defaultDimensions`): sets the ones Concord maps
 * and leaves any other a finance user added. Dimension and value IDs are read once per company.
 */
@Injectable()
export class BusinessCentralDimensions {
  private readonly catalogs = new Map<string, Promise<Map<string, DimensionEntry>>>();

  constructor(private readonly client: BusinessCentralClient) {}

  async apply(
    company: CompanyContext,
    customerId: string,
    wanted: readonly FinanceDimension[],
  ): Promise<void> {
    if (wanted.length === 0) return;
    const catalog = await this.catalog(company.id);
    const targets = wanted.map((dimension) => resolve(catalog, dimension));
    const path = `${companyPath(company.id, 'customers', customerId)}/defaultDimensions`;
    let current = (await readAll<BcDefaultDimension>(this.client, path, 'defaultDimensions.list')).items;
    for (const target of targets) {
      const existing = current.find((row) => row.dimensionId === target.dimensionId);
      if (existing?.dimensionValueId === target.dimensionValueId) continue;
      try {
        await this.write(path, existing, target);
      } catch (error) {
        // Another write created the row first (or a lost answer did): set the value on that row.
        if (existing || !isSameKey(error)) throw error;
        current = (await readAll<BcDefaultDimension>(this.client, path, 'defaultDimensions.list')).items;
        await this.write(
          path,
          current.find((row) => row.dimensionId === target.dimensionId),
          target,
        );
      }
    }
  }

  private async write(
    path: string,
    existing: BcDefaultDimension | undefined,
    target: { dimensionId: string; dimensionValueId: string },
  ): Promise<void> {
    if (existing) {
      const body = { dimensionValueId: target.dimensionValueId };
      await this.client.call({
        method: 'PATCH',
        url: `${path}(${existing.id})`,
        headers: ifMatch(existing),
        body,
        sent: body,
        operation: 'defaultDimensions.update',
      });
      return;
    }
    await this.client.call({
      method: 'POST',
      url: path,
      body: target,
      sent: target,
      operation: 'defaultDimensions.create',
    });
  }

  private catalog(companyId: string): Promise<Map<string, DimensionEntry>> {
    let catalog = this.catalogs.get(companyId);
    if (!catalog) {
      catalog = Promise.all([
        readAll<BcDimension>(this.client, companyPath(companyId, 'dimensions'), 'dimensions.list'),
        readAll<BcDimensionValue>(
          this.client,
          companyPath(companyId, 'dimensionValues'),
          'dimensionValues.list',
        ),
      ])
        .then(([dimensions, values]) => {
          const entries = new Map<string, DimensionEntry>();
          for (const dimension of dimensions.items) {
            const own = values.items.filter((value) => value.dimensionId === dimension.id);
            entries.set(dimension.code, {
              id: dimension.id,
              values: new Map(own.map((value) => [value.code, value.id])),
            });
          }
          return entries;
        })
        .catch((error: unknown) => {
          this.catalogs.delete(companyId);
          throw error;
        });
      this.catalogs.set(companyId, catalog);
    }
    return catalog;
  }
}

/** A mapping naming a dimension value the company lacks is a setup error the steward must see. */
function resolve(
  catalog: Map<string, DimensionEntry>,
  wanted: FinanceDimension,
): { dimensionId: string; dimensionValueId: string } {
  const dimension = catalog.get(wanted.dimensionCode);
  const valueId = dimension?.values.get(wanted.valueCode);
  if (!dimension || !valueId) {
    throw new AdapterError({
      kind: 'Rejected',
      system: BC_SYSTEM,
      operation: 'defaultDimensions.create',
      message: `Business Central has no dimension value ${wanted.dimensionCode} ${wanted.valueCode}; check finance_dimension_rule`,
      details: [
        {
          path: 'territory',
          message: `maps to unknown dimension value ${wanted.dimensionCode}=${wanted.valueCode}`,
        },
      ],
    });
  }
  return { dimensionId: dimension.id, dimensionValueId: valueId };
}
