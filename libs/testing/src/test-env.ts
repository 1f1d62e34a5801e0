import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:net';

/** Real servers for integration tests; the local ones unless the environment names others. */
export function testDatabaseUrl(): string {
  return process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/concord_test';
}

export function testRedisUrl(): string {
  return process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
}

/** A short unique token so parallel tests never share queue names, partners or keys. */
export function uniqueId(label = 't'): string {
  return `${label}${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;
}

/** Asks the OS for a free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls until `probe` returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs = 15_000,
  intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * A German VAT number with a valid check digit (ISO 7064 MOD 11,10): the same for the same seed, so a
 * fixture built twice from one name is the same request; a fresh one when no seed is given.
 */
export function germanVatId(seed?: string): string {
  const bytes = seed === undefined ? randomBytes(8) : createHash('sha256').update(seed).digest();
  const body = [1 + (bytes[0]! % 9), ...[...bytes.subarray(1, 8)].map((byte) => byte % 10)];
  let product = 10;
  for (const digit of body) {
    const sum = (digit + product) % 10 || 10;
    product = (2 * sum) % 11;
  }
  return `DE${body.join('')}${(11 - product) % 10}`;
}

/** A host name of its own for a test customer (`contoso-gmbh-lx2k.example.com`). */
export function exampleDomain(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug || 'customer'}.example.com`;
}
