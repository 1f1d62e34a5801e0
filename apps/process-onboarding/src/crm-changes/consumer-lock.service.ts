import { type DataSource } from '@concord/persistence';

type QueryRunner = ReturnType<DataSource['createQueryRunner']>;

/**
 * One active consumer across replicas: a PostgreSQL session advisory lock held on a connection of its
 * own. If the process or its connection dies, PostgreSQL releases the lock and another replica's next
 * attempt takes over. Overlap during a takeover is harmless: the inbox and idempotency keys drop repeats.
 */
export class ConsumerLock {
  private runner: QueryRunner | undefined;
  private held = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly name: string,
  ) {}

  /** Whether this process is the consumer now; takes the lock when it is free. */
  async acquire(): Promise<boolean> {
    try {
      if (!this.runner) {
        this.runner = this.dataSource.createQueryRunner();
        await this.runner.connect();
      }
      if (this.held) {
        await this.runner.query('SELECT 1');
        return true;
      }
      const rows = (await this.runner.query(`SELECT pg_try_advisory_lock(hashtext($1)) AS ok`, [
        `concord.consumer.${this.name}`,
      ])) as Array<{ ok: boolean }>;
      this.held = rows[0]?.ok === true;
      return this.held;
    } catch {
      await this.release();
      return false;
    }
  }

  async release(): Promise<void> {
    const runner = this.runner;
    this.runner = undefined;
    if (!runner) return;
    if (this.held) {
      await runner
        .query(`SELECT pg_advisory_unlock(hashtext($1))`, [`concord.consumer.${this.name}`])
        .catch(() => undefined);
    }
    this.held = false;
    await runner.release().catch(() => undefined);
  }
}
