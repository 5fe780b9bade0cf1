// Device configuration rows (see migration 0004).
import type { Db } from './db';

export interface DeviceConfigRecord {
  id: string;
  kind: 'fingerprint' | 'mrz' | 'barcode' | 'document_scanner' | 'printer';
  driver: string;
  label: string;
  port: Record<string, unknown>;
  settings: Record<string, unknown>;
}

export class DevicesRepo {
  constructor(private readonly db: Db) {}

  all(): DeviceConfigRecord[] {
    const rows = this.db.prepare('SELECT id, kind, driver, label, port, settings FROM devices ORDER BY kind, label').all() as
      { id: string; kind: DeviceConfigRecord['kind']; driver: string; label: string; port: string; settings: string }[];
    return rows.map((r) => ({ ...r, port: JSON.parse(r.port) as Record<string, unknown>, settings: JSON.parse(r.settings) as Record<string, unknown> }));
  }

  upsert(d: DeviceConfigRecord, at: string): void {
    this.db.prepare(
      `INSERT INTO devices (id, kind, driver, label, port, settings, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, driver = excluded.driver, label = excluded.label,
         port = excluded.port, settings = excluded.settings, updated_at = excluded.updated_at`,
    ).run(d.id, d.kind, d.driver, d.label, JSON.stringify(d.port), JSON.stringify(d.settings), at, at);
  }

  remove(id: string): void {
    this.db.prepare('DELETE FROM devices WHERE id = ?').run(id);
  }
}
