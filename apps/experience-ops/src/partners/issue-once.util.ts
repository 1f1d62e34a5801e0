import { type IdempotentWrite } from '@concord/platform';

/**
 * Runs an issuing write once per Idempotency-Key. Only the view is stored with the key, never the
 * secrets: the first answer carries them, a replay describes what was issued without them.
 */
export async function issueOnce<V extends object, S extends Record<string, string>>(
  idempotent: IdempotentWrite,
  scope: string,
  key: string | undefined,
  body: unknown,
  issue: () => Promise<{ view: V; secrets: S }>,
): Promise<V & Partial<S>> {
  let secrets: S | undefined;
  const result = await idempotent.run(scope, key, body, async () => {
    const issued = await issue();
    secrets = issued.secrets;
    return { status: 201, body: issued.view };
  });
  return secrets ? { ...result.body, ...secrets } : result.body;
}
