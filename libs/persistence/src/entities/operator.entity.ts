import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type OperatorRole = 'viewer' | 'steward' | 'admin';

@Entity({ name: 'operator' })
export class OperatorEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  role!: OperatorRole;

  @Column({ type: 'text', default: 'active' })
  status!: 'active' | 'suspended';

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
