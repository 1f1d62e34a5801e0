export type CredentialKind = 'api_key' | 'oauth_client';
export type CredentialStatus = 'active' | 'expiring' | 'expired' | 'revoked';

/** Who did it, for the audit log: an operator through the ops API, or the CLI. */
export interface AdminActor {
  type: 'operator' | 'cli';
  id: string;
  correlationId?: string | null;
}

export interface PartnerLimits {
  rateLimit?: { points: number; windowSeconds: number } | null;
  dailyQuota?: number | null;
}

export interface PartnerView {
  id: string;
  name: string;
  status: 'active' | 'suspended';
  rateLimit: { points: number; windowSeconds: number } | null;
  dailyQuota: number | null;
  createdAt: string;
}

/** A credential as operators see it: never the secret, only the lookup prefix that names it. */
export interface CredentialView {
  id: string;
  partnerId: string;
  kind: CredentialKind;
  /** `cpk_<prefix>_…` for keys, the client ID for OAuth clients. */
  hint: string;
  scopes: string[];
  status: CredentialStatus;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  rotatedFrom: string | null;
}

export interface CredentialRecord {
  id: string;
  principal_id: string;
  kind: CredentialKind;
  prefix: string;
  scopes: string[];
  created_at: Date;
  expires_at: Date | null;
  revoked_at: Date | null;
  rotated_from: string | null;
}

export function toCredentialView(row: CredentialRecord, now = new Date()): CredentialView {
  const status: CredentialStatus = row.revoked_at
    ? 'revoked'
    : row.expires_at && row.expires_at <= now
      ? 'expired'
      : row.expires_at
        ? 'expiring'
        : 'active';
  return {
    id: row.id,
    partnerId: row.principal_id,
    kind: row.kind,
    hint: row.kind === 'api_key' ? `cpk_${row.prefix}_…` : row.prefix,
    scopes: row.scopes,
    status,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    rotatedFrom: row.rotated_from,
  };
}
