import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'xref' })
export class XrefEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'text' })
  domain!: string;

  @Column({ name: 'canonical_id', type: 'uuid' })
  canonicalId!: string;

  @Column({ type: 'text' })
  system!: string;

  @Column({ name: 'external_id', type: 'text' })
  externalId!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
