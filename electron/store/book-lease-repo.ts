// The blank-book leases this station holds from its office, kept in the store's local meta
// (never replicated: a lease is between this station and the office, and the office keeps
// its own record). A paired station assigns only books listed here; offline it keeps using
// them, so the list must survive restarts.
import type { Db } from './db';

export interface HeldLease { id: string; series: string; serials: string[]; grantedAt: string; expiresAt: string }

const KEY = 'office_book_leases';

export class BookLeaseRepo {
  constructor(private readonly db: Db) {}

  leases(): HeldLease[] {
    const raw = (this.db.prepare('SELECT value FROM meta WHERE key = ?').get(KEY) as { value: string } | undefined)?.value;
    return raw ? (JSON.parse(raw) as HeldLease[]) : [];
  }

  /** Replaces the list (the office's answer is the truth about which leases are live). */
  setLeases(list: HeldLease[]): void {
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(list));
  }

  /** The lease a serial is held under, if any. */
  leaseOf(serial: string): HeldLease | undefined {
    return this.leases().find((l) => l.serials.includes(serial));
  }
}
