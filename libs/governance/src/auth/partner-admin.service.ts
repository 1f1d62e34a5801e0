import { ErrorCode } from '@concord/contracts';
import { AuditLogRepository, type DataSource, type EntityManager, updateRows } from '@concord/persistence';
import { ConcordException } from '../errors/concord.exception.js';
import { generateApiKey } from './api-key.util.js';
import { PARTNER_SCOPES } from './credential.store.js';
import { generateClientCredentials } from './oauth-client.util.js';
import {
  type AdminActor,
  type CredentialRecord,
  type CredentialView,
  type PartnerLimits,
  type PartnerView,
  toCredentialView,
} from './partner-admin.types.js';

const CREDENTIAL_COLUMNS = `id, principal_id, kind, prefix, scopes, created_at, expires_at, revoked_at, rotated_from`;
const PARTNER_COLUMNS = `id, name, status, rate_limit_points, rate_limit_window_seconds, daily_quota, created_at`;
export const DEFAULT_ROTATION_OVERLAP_SECONDS = 24 * 3600;

interface PartnerRecord {
  id: string;
  name: string;
  status: 'active' | 'suspended';
  rate_limit_points: number | null;
  rate_limit_window_seconds: number | null;
  daily_quota: number | null;
  created_at: Date;
}

const notFound = (what: string) => new ConcordException(ErrorCode.NOT_FOUND, `No such ${what}`);

/**
 * Partners and their credentials, as administrators manage them (ops API and CLI). Every change is
 * written to `audit_log` in its own transaction; secrets are returned once and only their hash is kept.
 */
export class PartnerAdminService {
  private readonly audit: AuditLogRepository;

  constructor(private readonly dataSource: DataSource) {
    this.audit = new AuditLogRepository(dataSource);
  }

  createPartner(name: string, limits: PartnerLimits, actor: AdminActor): Promise<PartnerView> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager
        .query<PartnerRecord[]>(
          `INSERT INTO partner (name, rate_limit_points, rate_limit_window_seconds, daily_quota)
           VALUES ($1, $2, $3, $4) RETURNING ${PARTNER_COLUMNS}`,
          [
            name,
            limits.rateLimit?.points ?? null,
            limits.rateLimit?.windowSeconds ?? null,
            limits.dailyQuota ?? null,
          ],
        )
        .catch((error: unknown) => {
          if ((error as { code?: string }).code === '23505')
            throw new ConcordException(ErrorCode.CONFLICT, `A partner named "${name}" exists`, [
              { path: 'name', message: 'must be unique' },
            ]);
          throw error;
        });
      const partner = toPartnerView(rows[0]!);
      await this.record(manager, actor, 'partner.create', 'partner', partner.id, { name, ...limits });
      return partner;
    });
  }

  async updateLimits(partnerId: string, limits: PartnerLimits, actor: AdminActor): Promise<PartnerView> {
    return this.dataSource.transaction(async (manager) => {
      const sets: string[] = [];
      const params: unknown[] = [partnerId];
      if (limits.rateLimit !== undefined) {
        params.push(limits.rateLimit?.points ?? null, limits.rateLimit?.windowSeconds ?? null);
        sets.push(
          `rate_limit_points = $${params.length - 1}`,
          `rate_limit_window_seconds = $${params.length}`,
        );
      }
      if (limits.dailyQuota !== undefined) {
        params.push(limits.dailyQuota);
        sets.push(`daily_quota = $${params.length}`);
      }
      const rows = await updateRows<PartnerRecord>(
        manager,
        `UPDATE partner SET ${sets.length > 0 ? sets.join(', ') : 'name = name'} WHERE id = $1
         RETURNING ${PARTNER_COLUMNS}`,
        params,
      );
      if (!rows[0]) throw notFound('partner');
      await this.record(manager, actor, 'partner.update-limits', 'partner', partnerId, { ...limits });
      return toPartnerView(rows[0]);
    });
  }

  async getPartner(partnerId: string): Promise<PartnerView> {
    const rows: PartnerRecord[] = await this.dataSource.query(
      `SELECT ${PARTNER_COLUMNS} FROM partner WHERE id = $1`,
      [partnerId],
    );
    if (!rows[0]) throw notFound('partner');
    return toPartnerView(rows[0]);
  }

  /** Newest first, after the (created_at, id) position of the previous page's last partner. */
  async listPartners(after: { createdAt: string; id: string } | undefined, limit: number) {
    const rows: Array<PartnerRecord & { position: string }> = await this.dataSource.query(
      `SELECT ${PARTNER_COLUMNS},
              to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS position
         FROM partner
        WHERE ($1::timestamptz IS NULL OR (created_at, id) < ($1::timestamptz, $2::uuid))
        ORDER BY created_at DESC, id DESC LIMIT $3`,
      [after?.createdAt ?? null, after?.id ?? null, limit],
    );
    return rows.map((row) => ({ view: toPartnerView(row), position: row.position }));
  }

  issueKey(partnerId: string, scopes: string[], actor: AdminActor) {
    return this.dataSource.transaction(async (manager) => {
      await this.lockActivePartner(manager, partnerId);
      const issued = await this.insertKey(manager, partnerId, scopes, null, null);
      await this.record(manager, actor, 'credential.issue', 'api_credential', issued.key.id, {
        partnerId,
        scopes,
      });
      return issued;
    });
  }

  /** An OAuth2 client for the client-credentials grant; its secret is in this answer only. */
  issueOAuthClient(partnerId: string, scopes: string[], actor: AdminActor) {
    return this.dataSource.transaction(async (manager) => {
      await this.lockActivePartner(manager, partnerId);
      assertPartnerScopes(scopes);
      const { clientId, clientSecret, secretHash } = generateClientCredentials();
      const rows: CredentialRecord[] = await manager.query(
        `INSERT INTO api_credential (principal_type, principal_id, kind, prefix, secret_hash, scopes)
         VALUES ('partner', $1, 'oauth_client', $2, $3, $4) RETURNING ${CREDENTIAL_COLUMNS}`,
        [partnerId, clientId, secretHash, scopes],
      );
      const client = toCredentialView(rows[0]!);
      await this.record(manager, actor, 'credential.issue-oauth-client', 'api_credential', client.id, {
        partnerId,
        scopes,
        clientId,
      });
      return { clientId, clientSecret, client };
    });
  }

  async listCredentials(partnerId: string): Promise<CredentialView[]> {
    await this.getPartner(partnerId);
    const rows: CredentialRecord[] = await this.dataSource.query(
      `SELECT ${CREDENTIAL_COLUMNS} FROM api_credential
        WHERE principal_type = 'partner' AND principal_id = $1 ORDER BY created_at, id`,
      [partnerId],
    );
    return rows.map((row) => toCredentialView(row));
  }

  /** Revoking a revoked credential changes nothing and answers it as it is. */
  revokeCredential(partnerId: string, credentialId: string, actor: AdminActor): Promise<CredentialView> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await updateRows<CredentialRecord>(
        manager,
        `UPDATE api_credential SET revoked_at = coalesce(revoked_at, now())
          WHERE id = $1 AND principal_type = 'partner' AND principal_id = $2 RETURNING ${CREDENTIAL_COLUMNS}`,
        [credentialId, partnerId],
      );
      if (!rows[0]) throw notFound('credential');
      await this.record(manager, actor, 'credential.revoke', 'api_credential', credentialId, { partnerId });
      return toCredentialView(rows[0]);
    });
  }

  /**
   * A new key with the same scopes; the old one keeps working for `overlapSeconds` (never longer than
   * it already would), so a partner can roll the new key out before the old one stops.
   */
  rotateKey(partnerId: string, credentialId: string, overlapSeconds: number, actor: AdminActor) {
    return this.dataSource.transaction(async (manager) => {
      await this.lockActivePartner(manager, partnerId);
      const rows = await updateRows<CredentialRecord>(
        manager,
        `UPDATE api_credential
            SET expires_at = LEAST(coalesce(expires_at, 'infinity'), now() + make_interval(secs => $3))
          WHERE id = $1 AND principal_type = 'partner' AND principal_id = $2 AND kind = 'api_key'
            AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())
          RETURNING ${CREDENTIAL_COLUMNS}`,
        [credentialId, partnerId, overlapSeconds],
      );
      const previous = rows[0];
      if (!previous) throw notFound('active API key');
      const issued = await this.insertKey(manager, partnerId, previous.scopes, previous.id, null);
      await this.record(manager, actor, 'credential.rotate', 'api_credential', credentialId, {
        partnerId,
        replacedBy: issued.key.id,
        previousExpiresAt: previous.expires_at?.toISOString(),
      });
      return { ...issued, previous: toCredentialView(previous) };
    });
  }

  private async lockActivePartner(manager: EntityManager, partnerId: string): Promise<void> {
    const rows: Array<{ status: string }> = await manager.query(
      `SELECT status FROM partner WHERE id = $1 FOR UPDATE`,
      [partnerId],
    );
    if (!rows[0]) throw notFound('partner');
    if (rows[0].status !== 'active')
      throw new ConcordException(ErrorCode.CONFLICT, 'The partner is suspended');
  }

  private async insertKey(
    manager: EntityManager,
    partnerId: string,
    scopes: string[],
    rotatedFrom: string | null,
    expiresAt: Date | null,
  ): Promise<{ apiKey: string; key: CredentialView }> {
    assertPartnerScopes(scopes);
    const { apiKey, prefix, secretHash } = generateApiKey('partner');
    const rows: CredentialRecord[] = await manager.query(
      `INSERT INTO api_credential (principal_type, principal_id, prefix, secret_hash, scopes, rotated_from, expires_at)
       VALUES ('partner', $1, $2, $3, $4, $5, $6) RETURNING ${CREDENTIAL_COLUMNS}`,
      [partnerId, prefix, secretHash, scopes, rotatedFrom, expiresAt],
    );
    return { apiKey, key: toCredentialView(rows[0]!) };
  }

  private record(
    manager: EntityManager,
    actor: AdminActor,
    action: string,
    targetType: string,
    targetId: string,
    detail: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.append(
      {
        actorType: actor.type,
        actorId: actor.id,
        action,
        targetType,
        targetId,
        detail,
        correlationId: actor.correlationId,
      },
      manager,
    );
  }
}

export function assertPartnerScopes(scopes: readonly string[]): void {
  const unknown = scopes.filter((scope) => !(PARTNER_SCOPES as readonly string[]).includes(scope));
  if (unknown.length > 0 || scopes.length === 0)
    throw new ConcordException(
      ErrorCode.VALIDATION_FAILED,
      `scopes must be a non-empty list of ${PARTNER_SCOPES.join(', ')}`,
      [{ path: 'scopes', message: unknown.length > 0 ? `unknown: ${unknown.join(', ')}` : 'empty' }],
    );
}

function toPartnerView(row: PartnerRecord): PartnerView {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    rateLimit:
      row.rate_limit_points && row.rate_limit_window_seconds
        ? { points: row.rate_limit_points, windowSeconds: row.rate_limit_window_seconds }
        : null,
    dailyQuota: row.daily_quota,
    createdAt: row.created_at.toISOString(),
  };
}
