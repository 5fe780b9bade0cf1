// The append-only audit trail. Each row's hash is an HMAC-SHA-256, under the station's audit
// key, of the previous row's hash and the row's own content: changing, inserting or removing
// a row breaks the chain from that point on (UPDATE/DELETE are refused by triggers in the
// first place), and without the key nobody can recompute a chain that verifies. What the
// chain alone cannot show — its tail cut off, or the whole of it replaced — the heads
// exported outside the database (day-end reports) show: verify() checks them too.
//
// Chains written before the key existed hashed rows with plain SHA-256. They are kept and
// re-anchored: the first open with the key appends an 'audit.keyed' row (keyed itself) that
// names the last unkeyed row and its hash, so those rows can no longer change either. Plain
// rows are accepted only before such an anchor; a chain that is plain to its end is refused.
import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
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

/** A point of the chain recorded outside the database (sequence number and its hash). */
export interface AuditHead { seq: number; hash: string }

export type AuditProblem =
  /** A row does not follow from the one before it (changed, inserted or removed). */
  | 'broken'
  /** The chain is not keyed to its end: rewritten without the key, or never opened by a keyed Loket. */
  | 'unkeyed'
  /** A head exported earlier lies beyond the chain's last row: rows were cut off. */
  | 'truncated'
  /** The row at an exported head's position has another hash: the chain was replaced. */
  | 'head_mismatch';

export interface AuditVerification {
  ok: boolean;
  rows: number;
  /** First sequence number that does not verify. */
  brokenAt?: number;
  problem?: AuditProblem;
  /** The row at which the chain became keyed (1 for a chain keyed from its start). */
  keyedFrom?: number;
  /** How many exported heads were checked against the chain. */
  headsChecked?: number;
  /** The exported head that the chain fails (truncated / head_mismatch). */
  head?: AuditHead;
}

interface AuditDbRow {
  seq: number; id: string; station_id: string; at: string; officer_id: string | null;
  action: string; detail: string; prev_hash: string; hash: string;
}

const GENESIS = '0'.repeat(64);
export const KEYED_ACTION = 'audit.keyed';
const KEYED_META = 'audit_keyed';

/** Canonical, order-fixed serialisation of every stored field but the hash. */
const canonical = (r: Omit<AuditDbRow, 'hash'>) => JSON.stringify([r.seq, r.id, r.station_id, r.at, r.officer_id, r.action, r.detail, r.prev_hash]);
const plainHash = (r: Omit<AuditDbRow, 'hash'>) => createHash('sha256').update(canonical(r)).digest('hex');

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a), y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export class AuditRepo {
  private readonly last;
  private readonly insert;
  constructor(private readonly db: Db, private readonly stationId: string, private readonly key: Buffer) {
    if (key.length < 32) throw new Error('The audit key must be at least 32 bytes.');
    this.last = db.prepare('SELECT * FROM audit ORDER BY seq DESC LIMIT 1');
    this.insert = db.prepare(
      'INSERT INTO audit (seq, id, station_id, at, officer_id, action, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
  }

  private mac(r: Omit<AuditDbRow, 'hash'>): string {
    return createHmac('sha256', this.key).update(canonical(r)).digest('hex');
  }

  /** Appends one action; call inside the transaction of the change it records. */
  append(officerId: string | null, action: string, detail: Record<string, unknown>, at: string): void {
    const prev = this.last.get() as AuditDbRow | undefined;
    const row = {
      seq: (prev?.seq ?? 0) + 1, id: randomUUID(), station_id: this.stationId, at,
      officer_id: officerId, action, detail: JSON.stringify(detail), prev_hash: prev?.hash ?? GENESIS,
    };
    this.insert.run(row.seq, row.id, row.station_id, row.at, row.officer_id, row.action, row.detail, row.prev_hash, this.mac(row));
  }

  /**
   * Called once per open, in a transaction: a chain written before the key existed gets its
   * 'audit.keyed' anchor row; an empty or already keyed chain is only marked as keyed.
   */
  ensureKeyed(at: string): void {
    const marked = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(KEYED_META) as { value: string } | undefined;
    if (marked) return;
    const last = this.last.get() as AuditDbRow | undefined;
    if (last && !sameHex(this.mac(last), last.hash)) {
      this.append(null, KEYED_ACTION, { legacyRows: last.seq, legacyHead: last.hash }, at);
    }
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(KEYED_META, at);
  }

  /** The chain's last row: what a day-end report records outside the database. */
  head(): AuditHead & { at: string } {
    const last = this.last.get() as AuditDbRow | undefined;
    return last ? { seq: last.seq, hash: last.hash, at: last.at } : { seq: 0, hash: GENESIS, at: '' };
  }

  recent(limit: number): AuditEntry[] {
    const rows = this.db.prepare('SELECT * FROM audit ORDER BY seq DESC LIMIT ?').all(limit) as AuditDbRow[];
    return rows.map(toEntry);
  }

  /**
   * Walks the whole chain: every row must follow from the one before, keyed rows by their
   * HMAC, plain (pre-key) rows only before the anchor that closed them. Then each exported
   * head must still be in the chain, at its place, with its hash.
   */
  verify(heads: readonly AuditHead[] = []): AuditVerification {
    let prevHash = GENESIS;
    let expectedSeq = 1;
    let rows = 0;
    let keyedFrom: number | undefined;
    let firstPlain: number | undefined;
    const wanted = new Map<number, AuditHead>();
    for (const h of heads) if (h.seq > 0) wanted.set(h.seq, h);
    const broken = (seq: number, problem: AuditProblem = 'broken'): AuditVerification =>
      ({ ok: false, rows, brokenAt: seq, problem, ...(keyedFrom ? { keyedFrom } : {}) });

    for (const r of this.db.prepare('SELECT * FROM audit ORDER BY seq').iterate() as Iterable<AuditDbRow>) {
      rows++;
      if (r.seq !== expectedSeq || r.prev_hash !== prevHash) return broken(r.seq);
      if (sameHex(this.mac(r), r.hash)) {
        if (keyedFrom === undefined) {
          // Keyed from here on. After plain rows, only the anchor that names them may start it.
          if (firstPlain !== undefined && !isAnchorFor(r, prevHash)) return broken(r.seq);
          keyedFrom = r.seq;
        }
      } else if (keyedFrom === undefined && sameHex(plainHash(r), r.hash)) {
        firstPlain ??= r.seq;
      } else {
        return broken(r.seq);
      }
      const head = wanted.get(r.seq);
      if (head && !sameHex(head.hash, r.hash)) return { ...broken(r.seq, 'head_mismatch'), head };
      wanted.delete(r.seq);
      prevHash = r.hash;
      expectedSeq++;
    }
    if (firstPlain !== undefined && keyedFrom === undefined) return broken(firstPlain, 'unkeyed');
    const beyond = [...wanted.values()].sort((a, b) => a.seq - b.seq)[0];
    if (beyond) return { ok: false, rows, brokenAt: rows + 1, problem: 'truncated', head: beyond, ...(keyedFrom ? { keyedFrom } : {}) };
    return { ok: true, rows, ...(keyedFrom ? { keyedFrom } : {}), ...(heads.length ? { headsChecked: heads.length } : {}) };
  }
}

function isAnchorFor(r: AuditDbRow, prevHash: string): boolean {
  if (r.action !== KEYED_ACTION) return false;
  try {
    const d = JSON.parse(r.detail) as { legacyRows?: unknown; legacyHead?: unknown };
    return d.legacyRows === r.seq - 1 && d.legacyHead === prevHash;
  } catch {
    return false;
  }
}

function toEntry(r: AuditDbRow): AuditEntry {
  return {
    seq: r.seq, id: r.id, stationId: r.station_id, at: r.at, officerId: r.officer_id, action: r.action,
    detail: JSON.parse(r.detail) as Record<string, unknown>, prevHash: r.prev_hash, hash: r.hash,
  };
}
