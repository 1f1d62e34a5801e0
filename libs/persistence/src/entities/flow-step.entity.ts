import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Business outcome of one system call: a step succeeds only when the target confirmed it. */
export type StepOutcome = 'ACCEPTED' | 'SUBMITTED' | 'CONFIRMED' | 'REJECTED' | 'TIMED_OUT';

@Entity({ name: 'flow_step' })
export class FlowStepEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'flow_id', type: 'uuid' })
  flowId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  outcome!: StepOutcome;

  @Column({ type: 'integer', default: 1 })
  attempt!: number;

  @Column({ type: 'jsonb', default: () => `'{}'::jsonb` })
  detail!: Record<string, unknown>;

  @Column({ name: 'started_at', type: 'timestamptz', default: () => 'now()' })
  startedAt!: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
