import { CredentialStore, ServiceTokenIssuer } from '@concord/governance';
import { connectDatabase } from '@concord/persistence';
import { testDatabaseUrl, uniqueId } from '@concord/testing';

/** Creates a partner and an operator with fresh keys in the test database. */
export async function createTestCredentials(): Promise<{
  partnerKey: string;
  partnerId: string;
  operatorKey: string;
}> {
  const dataSource = await connectDatabase({
    url: testDatabaseUrl(),
    appName: 'e2e-credentials',
    poolSize: 2,
  });
  try {
    const store = new CredentialStore(dataSource);
    const partner = await store.createPartner(uniqueId('partner'), ['customers:read', 'customers:write']);
    const operator = await store.createOperator(uniqueId('operator'), 'admin');
    return { partnerKey: partner.apiKey, partnerId: partner.partnerId, operatorKey: operator.apiKey };
  } finally {
    await dataSource.destroy();
  }
}

/** A token as the process layer would send it to a system app. */
export function serviceToken(
  audience: 'process' | 'system',
  secret = 'concord-development-service-token-secret',
): Promise<string> {
  return new ServiceTokenIssuer({ secret, app: 'e2e' }).tokenFor(audience);
}
