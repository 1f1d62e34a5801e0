import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ExceptionCategory =
  'validation' | 'duplicate-review' | 'ownership' | 'conflict' | 'rejected-by-target' | 'technical';

export type ExceptionStatus = 'open' | 'retrying' | 'resolved' | 'discarded';

@Entity({ name: 'sync_exception' })
export class SyncExceptionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  category!: ExceptionCategory;

  @Column({ type: 'text', default: 'open' })
  status!: ExceptionStatus;

  @Column({ type: 'text' })
  domain!: string;

  @Column({ type: 'text', nullable: true })
  system!: string | null;

  @Column({ name: 'entity_id', type: 'text', nullable: true })
  entityId!: string | null;

  @Column({ type: 'text', nullable: true })
  queue!: string | null;

  @Column({ name: 'job_id', type: 'text', nullable: true })
  jobId!: string | null;

  @Column({ name: 'job_name', type: 'text', nullable: true })
  jobName!: string | null;

  @Column({ type: 'jsonb' })
  payload!: unknown;

  @Column({ type: 'jsonb' })
  error!: unknown;

  @Column({ name: 'correlation_id', type: 'text' })
  correlationId!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
