import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@concord/contracts';
import { ConcordException, evaluateOwnership, violationDetails } from '@concord/governance';
import { DataSource } from '@concord/persistence';
import { type IdempotentResult, IdempotentWrite } from '@concord/platform';
import { CanonicalCustomerValidator } from '../onboarding/canonical-customer.validator.js';
import { isOlderVersion } from './source-version.util.js';
import { CanonicalCustomerWriter } from './canonical-customer.writer.js';
import { CustomerSyncMetrics } from './customer-sync.metrics.js';
import { type CustomerUpdateDto, type CustomerUpdatedDto } from './customer-update.dto.js';

const SCOPE = 'process-onboarding:customer-updates';

/**
 * A system's change to a canonical customer: refused whole with 409 OWNERSHIP_VIOLATION when it
 * touches a field the system does not own, 409 CONFLICT when older than what was applied from that
 * system, 400 when the result breaks the canonical rules; otherwise applied and propagated.
 */
@Injectable()
export class UpdateCustomerUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: CanonicalCustomerWriter,
    private readonly validator: CanonicalCustomerValidator,
    private readonly idempotent: IdempotentWrite,
    private readonly metrics: CustomerSyncMetrics,
  ) {}

  execute(
    concordId: string,
    key: string | undefined,
    request: CustomerUpdateDto,
  ): Promise<IdempotentResult<CustomerUpdatedDto>> {
    return this.idempotent.run(SCOPE, key, { concordId, request }, async () => ({
      status: 200,
      body: await this.apply(concordId, request),
    }));
  }

  private apply(concordId: string, request: CustomerUpdateDto): Promise<CustomerUpdatedDto> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.writer.lock(manager, concordId);
      if (!current) {
        throw new ConcordException(ErrorCode.NOT_FOUND, `No canonical customer has id ${concordId}`, [
          { path: 'concordId', message: 'not found' },
        ]);
      }
      const check = await this.validator.check({ ...current.data, ...request.changes });
      if (!check.valid) {
        const details = check.details.map((detail) => ({ ...detail, path: `changes.${detail.path ?? ''}` }));
        throw new ConcordException(
          ErrorCode.VALIDATION_FAILED,
          'The changed customer breaks the canonical rules',
          details,
        );
      }
      const verdict = evaluateOwnership('customer', request.source, Object.keys(request.changes), {
        firstInvoicePostedAt: current.firstInvoicePostedAt,
      });
      if (verdict.violations.length > 0) {
        this.metrics.ownershipViolations('customer', verdict.violations.length);
        const [first] = verdict.violations;
        throw new ConcordException(
          ErrorCode.OWNERSHIP_VIOLATION,
          `${first?.path} is owned by ${first?.owner}`,
          violationDetails(verdict.violations),
        );
      }
      const applied = current.sourceVersions[request.source];
      if (request.sourceVersion && applied && isOlderVersion(request.sourceVersion, applied)) {
        this.metrics.staleEvent(request.source);
        throw new ConcordException(
          ErrorCode.CONFLICT,
          `A newer ${request.source} version was applied already`,
          [{ path: 'sourceVersion', message: `older than ${applied}` }],
        );
      }
      const result = await this.writer.apply(
        manager,
        { concordId, data: request.changes, system: request.source, sourceVersion: request.sourceVersion },
        current,
      );
      return { concordId, version: result.version, changedFields: result.changedFields };
    });
  }
}
