// A record of each appointment file imported: who, when, what it changed.
import { randomUUID } from 'node:crypto';
import type { Db } from './db';
import type { ChangeLog } from './changelog';

export class ImportsRepo {
  constructor(private readonly db: Db, private readonly stationId: string, private readonly changes: ChangeLog) {}

  record(r: { fileName: string; digest: string; officerId: string | null; inserted: number; updated: number; unchanged: number; skipped: number; at: string }): void {
    const id = randomUUID();
    this.db.prepare(
      `INSERT INTO import_files (id, station_id, file_name, digest, officer_id, inserted, updated, unchanged, skipped, imported_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, this.stationId, r.fileName, r.digest, r.officerId, r.inserted, r.updated, r.unchanged, r.skipped, r.at);
    this.changes.created('import_files', id);
  }
}
