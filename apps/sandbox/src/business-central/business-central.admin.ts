import { type VendorAdmin } from '../shared/vendor-admin.types.js';
import { seedCompanies, seedDemoData } from './business-central.seed.js';
import { type BusinessCentralSandbox } from './business-central.state.js';
import { ENTITY_DEFS } from './entity.registry.js';

/** The legal entities and their setup tables always exist; demo customers and items are the seed. */
export class BusinessCentralAdmin implements VendorAdmin {
  constructor(private readonly sandbox: BusinessCentralSandbox) {}

  reset(seed: boolean): void {
    this.sandbox.clear();
    this.sandbox.companies = seedCompanies(this.sandbox);
    if (seed) this.seed();
  }

  seed(): void {
    seedDemoData(this.sandbox);
  }

  recordTypes(): string[] {
    return ['companies', ...ENTITY_DEFS.map((def) => def.set)];
  }

  records(type: string): unknown[] | undefined {
    if (type === 'companies') return this.sandbox.companies;
    if (!ENTITY_DEFS.some((def) => def.set === type)) return undefined;
    return this.sandbox.companies.flatMap((company) =>
      [...this.sandbox.table(company.id, type).values()].map((row) => ({
        companyId: company.id,
        ...row.data,
      })),
    );
  }

  limits(): Record<string, number> {
    return this.sandbox.limitsRegistry.all();
  }

  updateLimits(patch: unknown): string | undefined {
    return this.sandbox.limitsRegistry.update(patch);
  }
}
