import { Injectable } from '@nestjs/common';
import { SalesforceClient } from './salesforce.client.js';
import { toSoqlString } from './salesforce.mappers.js';
import { type SalesReferences } from './salesforce-sales.types.js';

/** SOQL `IN` lists stay well below Salesforce's 100,000-character query limit at this size. */
const IN_CHUNK = 200;

/** Resolves the canonical references sales records point to: accounts' Concord IDs, products' SKUs. */
@Injectable()
export class SalesforceSalesRefs {
  constructor(private readonly client: SalesforceClient) {}

  async resolve(accountIds: string[], productIds: string[]): Promise<SalesReferences> {
    const [accounts, products] = await Promise.all([
      this.pairs<{ Id: string; Concord_Id__c: string | null }>('Account', 'Concord_Id__c', accountIds),
      this.pairs<{ Id: string; ERP_Item_Number__c: string | null }>(
        'Product2',
        'ERP_Item_Number__c',
        productIds,
      ),
    ]);
    return {
      concordIdByAccount: new Map(
        accounts.flatMap((row) => (row.Concord_Id__c ? [[row.Id, row.Concord_Id__c]] : [])),
      ),
      skuByProduct: new Map(
        products.flatMap((row) => (row.ERP_Item_Number__c ? [[row.Id, row.ERP_Item_Number__c]] : [])),
      ),
    };
  }

  /** Rows of `object` whose `parentField` is one of `ids`, queried in chunks. */
  async byParent<T>(
    object: string,
    fields: readonly string[],
    parentField: string,
    ids: string[],
  ): Promise<T[]> {
    return this.inChunks<T>(object, fields.join(','), parentField, ids);
  }

  private pairs<T>(object: string, field: string, ids: string[]): Promise<T[]> {
    return this.inChunks<T>(object, `Id,${field}`, 'Id', ids);
  }

  private async inChunks<T>(object: string, fields: string, key: string, ids: string[]): Promise<T[]> {
    const unique = [...new Set(ids)];
    const rows: T[] = [];
    for (let start = 0; start < unique.length; start += IN_CHUNK) {
      const list = unique
        .slice(start, start + IN_CHUNK)
        .map(toSoqlString)
        .join(',');
      rows.push(
        ...(await this.client.query<T>(
          `${object.toLowerCase()}.refs`,
          `SELECT ${fields} FROM ${object} WHERE ${key} IN (${list})`,
        )),
      );
    }
    return rows;
  }
}
