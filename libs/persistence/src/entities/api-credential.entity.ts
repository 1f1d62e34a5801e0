import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type PrincipalType = 'partner' | 'operator';

/** An API key: only a lookup prefix and a hash of the secret are stored. */
@Entity({ name: 'api_credential' })
export class ApiCredentialEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'principal_type', type: 'text' })
  principalType!: PrincipalType;

  @Column({ name: 'principal_id', type: 'uuid' })
  principalId!: string;

  @Column({ type: 'text' })
  prefix!: string;

  @Column({ name: 'secret_hash', type: 'text' })
  secretHash!: string;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  scopes!: string[];

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
