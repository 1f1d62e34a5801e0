import { Injectable } from '@nestjs/common';
import { DataSource } from '@concord/persistence';

/** Cursors of change-feed consumers (`change_consumer`), saved after each committed batch. */
@Injectable()
export class ChangeConsumerRepository {
  constructor(private readonly dataSource: DataSource) {}

  async cursorOf(name: string): Promise<string | undefined> {
    const rows: Array<{ cursor: string | null }> = await this.dataSource.query(
      `SELECT cursor FROM change_consumer WHERE name = $1`,
      [name],
    );
    return rows[0]?.cursor ?? undefined;
  }

  /**
   * Moves the cursor from `previous` to `next`. Compare-and-set: if someone moved it meanwhile (a
   * rewind for a replay, another consumer after a lost lock), this save does nothing and the next
   * batch starts from where the other left it.
   */
  async save(
    name: string,
    sourceSystem: string,
    previous: string | undefined,
    next: string,
    lastSourceVersion: string | undefined,
  ): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO change_consumer (name, source_system, cursor, last_source_version) VALUES ($1, $2, $3, $5)
       ON CONFLICT (name) DO UPDATE SET cursor = EXCLUDED.cursor,
         last_source_version = COALESCE(EXCLUDED.last_source_version, change_consumer.last_source_version),
         updated_at = now()
       WHERE change_consumer.cursor IS NOT DISTINCT FROM $4
       RETURNING name`,
      [name, sourceSystem, next, previous ?? null, lastSourceVersion ?? null],
    );
    return rows.length > 0;
  }

  /** Seconds from the source version of the last consumed change to now, per source system. */
  async lagSeconds(names: readonly string[]): Promise<Array<{ source: string; seconds: number }>> {
    const rows: Array<{ source: string; seconds: string }> = await this.dataSource.query(
      `SELECT source_system AS source, EXTRACT(EPOCH FROM now() - max(last_source_version)) AS seconds
         FROM change_consumer WHERE name = ANY($1) AND last_source_version IS NOT NULL GROUP BY source_system`,
      [names],
    );
    return rows.map((row) => ({ source: row.source, seconds: Math.max(0, Number(row.seconds)) }));
  }
}
