/** The systems that can own master data; `concord` owns the fields it writes back itself. */
export type OwnerSystem = 'crm' | 'erp' | 'billing' | 'concord';

/** What an owner may depend on: the record's lifecycle as Concord knows it. */
export interface OwnershipContext {
  /** When the customer's first invoice was posted; from then on the ERP owns the billing address. */
  firstInvoicePostedAt?: Date | null;
}

export interface FieldGroup {
  name: string;
  fields: readonly string[];
  owner: (context: OwnershipContext) => OwnerSystem;
}

const always =
  (owner: OwnerSystem): FieldGroup['owner'] =>
  () =>
    owner;

/**
 * The system of record of each customer field (DESIGN §5). Fields are top-level canonical paths;
 * `country` travels with the billing address, as it does on the CRM account.
 */
export const CUSTOMER_OWNERSHIP: readonly FieldGroup[] = [
  {
    name: 'identity',
    fields: ['name', 'website', 'phone', 'email', 'segment', 'territory', 'parentId'],
    owner: always('crm'),
  },
  {
    name: 'legal-and-finance',
    fields: [
      'legalName',
      'taxId',
      'paymentTermsDays',
      'currency',
      'creditLimit',
      'creditStatus',
      'financeDimensions',
    ],
    owner: always('erp'),
  },
  { name: 'payment-status', fields: ['paymentStatus'], owner: always('billing') },
  {
    name: 'billing-address',
    fields: ['address', 'country'],
    owner: (context) => (context.firstInvoicePostedAt ? 'erp' : 'crm'),
  },
  { name: 'concord', fields: ['externalRefs', 'syncStatus', 'syncMessage'], owner: always('concord') },
];

export const OWNERSHIP_MATRIX: Readonly<Record<string, readonly FieldGroup[]>> = {
  customer: CUSTOMER_OWNERSHIP,
};
