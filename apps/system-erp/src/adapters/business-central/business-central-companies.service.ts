import { Inject, Injectable } from '@nestjs/common';
import { AdapterError } from '@concord/contracts';
import { ERP_CONFIG, type ErpConfig } from '../../system-erp.config.js';
import { BusinessCentralClient } from './business-central.client.js';
import { BC_SYSTEM } from './business-central.errors.js';
import { companyPath, readAll } from './business-central.odata.js';
import { type BcCompany, type BcPaymentTerms, type CompanyContext } from './business-central.types.js';

/** Legal entities by country, their IDs (read once) and their payment terms (read once per company). */
@Injectable()
export class BusinessCentralCompanies {
  private companies: Promise<Map<string, CompanyContext>> | undefined;
  private readonly terms = new Map<string, Promise<BcPaymentTerms[]>>();

  constructor(
    private readonly client: BusinessCentralClient,
    @Inject(ERP_CONFIG) private readonly config: ErpConfig,
  ) {}

  /** The company that holds customers of `country`. */
  async forCountry(country: string): Promise<CompanyContext> {
    const name = this.config.companyByCountry[country.toUpperCase()] ?? this.config.defaultCompany;
    return this.byName(name);
  }

  /** The company whose items are the product master. */
  forProducts(): Promise<CompanyContext> {
    return this.byName(this.config.productCompany);
  }

  /** Every company the country map can place a customer in. */
  async all(): Promise<CompanyContext[]> {
    const names = new Set([this.config.defaultCompany, ...Object.values(this.config.companyByCountry)]);
    return Promise.all([...names].sort().map((name) => this.byName(name)));
  }

  async byId(id: string): Promise<CompanyContext | undefined> {
    return (await this.all()).find((company) => company.id === id.toLowerCase());
  }

  paymentTerms(companyId: string): Promise<BcPaymentTerms[]> {
    let terms = this.terms.get(companyId);
    if (!terms) {
      terms = readAll<BcPaymentTerms>(
        this.client,
        companyPath(companyId, 'paymentTerms'),
        'paymentTerms.list',
      )
        .then((result) => result.items)
        .catch((error: unknown) => {
          this.terms.delete(companyId);
          throw error;
        });
      this.terms.set(companyId, terms);
    }
    return terms;
  }

  private async byName(name: string): Promise<CompanyContext> {
    const company = (await this.load()).get(name);
    if (!company) {
      throw new AdapterError({
        kind: 'Unknown',
        system: BC_SYSTEM,
        operation: 'companies.list',
        message: `no company named "${name}"; check ERP_COMPANY_BY_COUNTRY`,
      });
    }
    return company;
  }

  private load(): Promise<Map<string, CompanyContext>> {
    this.companies ??= readAll<BcCompany>(this.client, 'companies', 'companies.list')
      .then(
        (result) =>
          new Map(
            result.items.map((company) => [
              company.name,
              {
                id: company.id.toLowerCase(),
                name: company.name,
                localCurrency: this.config.localCurrencyByCompany[company.name] ?? '',
              },
            ]),
          ),
      )
      .catch((error: unknown) => {
        this.companies = undefined;
        throw error;
      });
    return this.companies;
  }
}
