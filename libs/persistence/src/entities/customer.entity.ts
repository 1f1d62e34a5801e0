import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Which system supplied a field's current value, and at which of its versions. */
export interface FieldProvenance {
  system: string;
  sourceVersion: string | null;
  at: string;
}

@Entity({ name: 'customer' })
export class CustomerEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;

  @Column({ type: 'jsonb', default: () => `'{}'::jsonb` })
  provenance!: Record<string, FieldProvenance>;

  /** The last source version applied from each system; an older one arriving later is stale. */
  @Column({ name: 'source_versions', type: 'jsonb', default: () => `'{}'::jsonb` })
  sourceVersions!: Record<string, string>;

  @Column({ name: 'sync_status', type: 'text', default: 'pending' })
  syncStatus!: string;

  @Column({ name: 'partner_id', type: 'uuid', nullable: true })
  partnerId!: string | null;

  @Column({ name: 'first_invoice_posted_at', type: 'timestamptz', nullable: true })
  firstInvoicePostedAt!: Date | null;

  @Column({ name: 'normalized_name', type: 'text' })
  normalizedName!: string;

  @Column({ name: 'tax_id', type: 'text', nullable: true })
  taxId!: string | null;

  @Column({ type: 'text', nullable: true })
  domain!: string | null;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
