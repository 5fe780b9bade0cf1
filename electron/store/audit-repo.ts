// The append-only audit trail. Each row's hash covers the previous row's hash and the
// row's own content, so changing or removing a row breaks the chain from that point on
// (and UPDATE/DELETE are refused by triggers in the first place).
import { createHash, randomUUID } from 'node:crypto';
import type { Db } from './db';

export interface AuditEntry {
  seq: number;
  id: string;
  stationId: string;
  at: string;
  officerId: string | null;
  action: string;
  detail: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

interface AuditDbRow {
  seq: number; id: string; station_id: string; at: string; officer_id: string | null;
  action: string; detail: string; prev_hash: string; hash: string;
}

const GENESIS = '0'.repeat(64);

function rowHash(r: Omit<AuditDbRow, 'hash'>): string {
  // Canonical, order-fixed serialisation of every stored field.
  const canonical = JSON.stringify([r.seq, r.id, r.station_id, r.at, r.officer_id, r.action, r.detail, r.prev_hash]);
  return createHash('sha256').update(canonical).digest('hex');
}

export class AuditRepo {
  private readonly last;
  private readonly insert;
  constructor(private readonly db: Db, private readonly stationId: string) {
    this.last = db.prepare('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1');
    this.insert = db.prepare(
      'INSERT INTO audit (seq, id, station_id, at, officer_id, action, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
  }

  /** Appends one action; call inside the transaction of the change it records. */
  append(officerId: string | null, action: string, detail: Record<string, unknown>, at: string): void {
    const prev = this.last.get() as { seq: number; hash: string } | undefined;
    const row = {
      seq: (prev?.seq ?? 0) + 1, id: randomUUID(), station_id: this.stationId, at,
      officer_id: officerId, action, detail: JSON.stringify(detail), prev_hash: prev?.hash ?? GENESIS,
    };
    this.insert.run(row.seq, row.id, row.station_id, row.at, row.officer_id, row.action, row.detail, row.prev_hash, rowHash(row));
  }

  recent(limit: number): AuditEntry[] {
    const rows = this.db.prepare('SELECT * FROM audit ORDER BY seq DESC LIMIT ?').all(limit) as AuditDbRow[];
    return rows.map(toEntry);
  }

  /** Walks the whole chain; returns the first row whose hash does not follow. */
  verify(): { ok: boolean; rows: number; brokenAt?: number } {
    let prevHash = GENESIS;
    let expectedSeq = 1;
    let rows = 0;
    for (const r of this.db.prepare('SELECT * FROM audit ORDER BY seq').iterate() as Iterable<AuditDbRow>) {
      rows++;
      if (r.seq !== expectedSeq || r.prev_hash !== prevHash || rowHash(r) !== r.hash) {
        return { ok: false, rows, brokenAt: r.seq };
      }
      prevHash = r.hash;
      expectedSeq++;
    }
    return { ok: true, rows };
  }
}

function toEntry(r: AuditDbRow): AuditEntry {
  return {
    seq: r.seq, id: r.id, stationId: r.station_id, at: r.at, officerId: r.officer_id, action: r.action,
    detail: JSON.parse(r.detail) as Record<string, unknown>, prevHash: r.prev_hash, hash: r.hash,
  };
}
