import { type DataSource, RefreshAheadCache, updateRows } from '@concord/persistence';
import { type ApiKeyKind, generateApiKey, parseApiKey, secretMatches } from './api-key.util.js';
import { type OperatorRole, type Principal } from './auth-policy.js';
import { clientSecretPart, isClientId } from './oauth-client.util.js';

export const PARTNER_SCOPES = ['customers:read', 'customers:write'] as const;

interface CredentialRow {
  id: string;
  expires_at: Date | null;
  principal_type: ApiKeyKind;
  principal_id: string;
  secret_hash: string;
  scopes: string[];
  role: OperatorRole | null;
}

/**
 * Partners, operators and their API keys. Verified keys are cached briefly so the hot path does not
 * hit the database on every request (a key in use is looked up again in the background before its
 * entry expires); a revoked key stops working within `cacheMs`, an expired one at its expiry.
 */
export class CredentialStore {
  private readonly cache: RefreshAheadCache<Principal | undefined>;

  constructor(
    private readonly dataSource: DataSource,
    cacheMs = 5000,
  ) {
    this.cache = new RefreshAheadCache({ ttlMs: cacheMs });
  }

  async createPartner(
    name: string,
    scopes: readonly string[],
  ): Promise<{ partnerId: string; apiKey: string }> {
    const unknown = scopes.filter((scope) => !(PARTNER_SCOPES as readonly string[]).includes(scope));
    if (unknown.length > 0)
      throw new Error(`unknown scopes: ${unknown.join(', ')} (known: ${PARTNER_SCOPES.join(', ')})`);
    return this.dataSource.transaction(async (manager) => {
      const rows: Array<{ id: string }> = await manager.query(
        `INSERT INTO partner (name) VALUES ($1) RETURNING id`,
        [name],
      );
      const partnerId = rows[0]!.id;
      const apiKey = await this.insertKey(manager, 'partner', partnerId, [...scopes]);
      return { partnerId, apiKey };
    });
  }

  async createOperator(name: string, role: OperatorRole): Promise<{ operatorId: string; apiKey: string }> {
    return this.dataSource.transaction(async (manager) => {
      const rows: Array<{ id: string }> = await manager.query(
        `INSERT INTO operator (name, role) VALUES ($1, $2) RETURNING id`,
        [name, role],
      );
      const operatorId = rows[0]!.id;
      const apiKey = await this.insertKey(manager, 'operator', operatorId, []);
      return { operatorId, apiKey };
    });
  }

  /** Revokes every key of the principal and suspends it; returns how many keys were revoked. */
  async revokePrincipal(kind: ApiKeyKind, principalId: string): Promise<number> {
    const table = kind === 'partner' ? 'partner' : 'operator';
    const revokedKeys = await this.dataSource.transaction(async (manager) => {
      const found = await updateRows(
        manager,
        `UPDATE ${table} SET status = 'suspended' WHERE id = $1 RETURNING id`,
        [principalId],
      );
      if (found.length === 0) throw new Error(`no ${kind} with id ${principalId}`);
      const revoked = await updateRows(
        manager,
        `UPDATE api_credential SET revoked_at = now()
          WHERE principal_type = $1 AND principal_id = $2 AND revoked_at IS NULL RETURNING id`,
        [kind, principalId],
      );
      return revoked.length;
    });
    // After the commit: a lookup between the update and the commit would still see the keys.
    this.cache.clear();
    return revokedKeys;
  }

  /**
   * Authenticates an OAuth2 client: its partner and scopes, or undefined for an unknown, revoked or
   * expired client or a wrong secret. `partnerActive` false means the client is sound but its partner
   * is suspended.
   */
  async verifyClient(
    clientId: string,
    clientSecret: string,
  ): Promise<
    { credentialId: string; partnerId: string; scopes: string[]; partnerActive: boolean } | undefined
  > {
    const secret = clientSecretPart(clientSecret);
    if (!isClientId(clientId) || !secret) return undefined;
    const rows: Array<{
      id: string;
      principal_id: string;
      secret_hash: string;
      scopes: string[];
      status: string;
    }> = await this.dataSource.query(
      `SELECT c.id, c.principal_id, c.secret_hash, c.scopes, p.status FROM api_credential c
           JOIN partner p ON p.id = c.principal_id
          WHERE c.prefix = $1 AND c.kind = 'oauth_client' AND c.principal_type = 'partner'
            AND c.revoked_at IS NULL AND (c.expires_at IS NULL OR c.expires_at > now())`,
      [clientId],
    );
    const row = rows[0];
    if (!row || !secretMatches(secret, row.secret_hash)) return undefined;
    return {
      credentialId: row.id,
      partnerId: row.principal_id,
      scopes: row.scopes,
      partnerActive: row.status === 'active',
    };
  }

  /** Resolves an API key to its principal, or undefined for unknown, revoked or expired keys. */
  async verify(apiKey: string): Promise<Principal | undefined> {
    return this.cache.get(apiKey, async () => {
      const { principal, expiresAt } = await this.lookup(apiKey);
      // A key rotated out stops at its expiry, not up to `cacheMs` later.
      return { value: principal, validUntil: expiresAt?.getTime() };
    });
  }

  private async lookup(apiKey: string): Promise<{ principal?: Principal; expiresAt?: Date | null }> {
    const parsed = parseApiKey(apiKey);
    if (!parsed) return {};
    const rows: CredentialRow[] = await this.dataSource.query(
      `SELECT c.id, c.expires_at, c.principal_type, c.principal_id, c.secret_hash, c.scopes, o.role
         FROM api_credential c
         LEFT JOIN partner p ON c.principal_type = 'partner' AND p.id = c.principal_id
         LEFT JOIN operator o ON c.principal_type = 'operator' AND o.id = c.principal_id
        WHERE c.prefix = $1 AND c.kind = 'api_key' AND c.revoked_at IS NULL AND (c.expires_at IS NULL OR c.expires_at > now())
          AND coalesce(p.status, o.status) = 'active'`,
      [parsed.prefix],
    );
    const row = rows[0];
    if (!row || row.principal_type !== parsed.kind || !secretMatches(parsed.secret, row.secret_hash))
      return {};
    const principal: Principal =
      row.principal_type === 'partner'
        ? { kind: 'partner', partnerId: row.principal_id, credentialId: row.id, scopes: row.scopes }
        : {
            kind: 'operator',
            operatorId: row.principal_id,
            credentialId: row.id,
            role: row.role ?? 'viewer',
          };
    return { principal, expiresAt: row.expires_at };
  }

  private async insertKey(
    manager: { query: (sql: string, params: unknown[]) => Promise<unknown> },
    kind: ApiKeyKind,
    principalId: string,
    scopes: string[],
  ): Promise<string> {
    const { apiKey, prefix, secretHash } = generateApiKey(kind);
    await manager.query(
      `INSERT INTO api_credential (principal_type, principal_id, prefix, secret_hash, scopes) VALUES ($1, $2, $3, $4, $5)`,
      [kind, principalId, prefix, secretHash, scopes],
    );
    return apiKey;
  }
}
