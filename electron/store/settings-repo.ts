// Station settings as key/value rows with defaults held by the caller.
import type { Db } from './db';
import type { ChangeLog } from './changelog';

export class SettingsRepo {
  constructor(private readonly db: Db, private readonly changes: ChangeLog) {}

  getAll(): Record<string, string> {
    const rows = this.db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
    return Object.fromEntries(rows.map((r) => [r.key, r.value]));
  }

  set(key: string, value: string, at: string): void {
    this.changes.track('settings', key, () => this.db.prepare(
      'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
    ).run(key, value, at));
  }
}
