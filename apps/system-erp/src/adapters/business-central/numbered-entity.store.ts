import { AdapterError, type UpsertOutcomeDto } from '@concord/contracts';
import { type BusinessCentralClient } from './business-central.client.js';
import { type FieldPathMap, outcomeUnknown } from './business-central.errors.js';
import { externalIdOf } from './business-central.mappers.js';
import { anyOf, collectionUrl, companyPath, ifMatch } from './business-central.odata.js';
import { type CompanyContext, type ODataCollection } from './business-central.types.js';

/** A Business Central entity keyed by a unique `number` (customers, items). */
export interface NumberedEntity {
  '@odata.etag'?: string;
  id: string;
  number: string;
  lastModifiedDateTime: string;
}

export interface NumberedEntitySet {
  /** OData entity set, also the metric operation prefix: `customers`, `items`. */
  set: string;
  /** Field names → canonical paths for rejections; customer paths when absent. */
  paths?: FieldPathMap;
}

const isSameKeyConflict = (error: AdapterError): boolean =>
  error.vendor?.code === 'Internal_EntityWithSameKeyExists';
const isEtagConflict = (error: AdapterError): boolean => error.vendor?.code === 'Request_EntityChanged';

/**
 * Idempotent writes by number, the one algorithm every numbered entity shares: look up, then PATCH
 * with the ETag (re-read and retried once when stale) or POST; a POST that lost to an earlier create
 * becomes a PATCH, and a POST whose answer was lost is looked up before it is sent again.
 */
export class NumberedEntityStore<T extends NumberedEntity, W extends { number: string }> {
  constructor(
    private readonly client: BusinessCentralClient,
    private readonly entitySet: NumberedEntitySet,
  ) {}

  async lookup(company: CompanyContext, number: string): Promise<T | undefined> {
    const url = collectionUrl(companyPath(company.id, this.entitySet.set), {
      $filter: anyOf('number', [number]),
    });
    const answer = await this.client.call<ODataCollection<T>>({
      method: 'GET',
      url,
      operation: this.operation('lookup'),
    });
    return answer.data.value[0];
  }

  async upsert(company: CompanyContext, body: W): Promise<UpsertOutcomeDto> {
    const existing = await this.lookup(company, body.number);
    if (existing) return this.outcome(company, await this.patch(company, existing, body), false);
    try {
      return this.outcome(company, await this.post(company, body), true);
    } catch (error) {
      if (!(error instanceof AdapterError)) throw error;
      if (isSameKeyConflict(error)) {
        const winner = await this.lookup(company, body.number);
        if (!winner) throw error;
        return this.outcome(company, await this.patch(company, winner, body), false);
      }
      if (!outcomeUnknown(error)) throw error;
      const created = await this.lookup(company, body.number);
      if (created) return this.outcome(company, created, true);
      return this.outcome(company, await this.post(company, body), true);
    }
  }

  async patch(company: CompanyContext, current: T, body: Partial<W>): Promise<T> {
    try {
      return await this.patchOnce(company, current, body);
    } catch (error) {
      if (!(error instanceof AdapterError) || !isEtagConflict(error)) throw error;
      const fresh = await this.lookup(company, current.number);
      if (!fresh) throw error;
      return this.patchOnce(company, fresh, body);
    }
  }

  outcome(company: CompanyContext, entity: T, created: boolean): UpsertOutcomeDto {
    return {
      externalId: externalIdOf(company.id, entity.id),
      created,
      sourceVersion: entity.lastModifiedDateTime,
      number: entity.number,
    };
  }

  private async patchOnce(company: CompanyContext, current: T, body: Partial<W>): Promise<T> {
    const answer = await this.client.call<T>({
      method: 'PATCH',
      url: companyPath(company.id, this.entitySet.set, current.id),
      headers: ifMatch(current),
      body,
      sent: body,
      ...this.context('update'),
    });
    return answer.data;
  }

  private async post(company: CompanyContext, body: W): Promise<T> {
    const answer = await this.client.call<T>({
      method: 'POST',
      url: companyPath(company.id, this.entitySet.set),
      body,
      sent: body,
      ...this.context('create'),
    });
    return answer.data;
  }

  private operation(verb: string): string {
    return `${this.entitySet.set}.${verb}`;
  }

  private context(verb: string): { operation: string; paths?: FieldPathMap } {
    return {
      operation: this.operation(verb),
      ...(this.entitySet.paths ? { paths: this.entitySet.paths } : {}),
    };
  }
}
