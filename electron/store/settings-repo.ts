// Station settings as key/value rows with defaults held by the caller.
import type { Db } from './db';
import type { OutboxRepo } from './outbox-repo';

export class SettingsRepo {
  constructor(private readonly db: Db, private readonly outbox: OutboxRepo) {}

  getAll(): Record<string, string> {
    const rows = this.db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
    return Object.fromEntries(rows.map((r) => [r.key, r.value]));
  }

  set(key: string, value: string, at: string): void {
    this.db.prepare(
      'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
    ).run(key, value, at);
    this.outbox.append('setting', key, 'update', at, { [key]: value });
  }
}
