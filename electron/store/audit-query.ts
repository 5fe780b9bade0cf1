// Read side of the audit trail for the administrator's and the head of office's screen:
// filtered pages (newest first, by a sequence cursor so a page never shifts while new rows
// arrive), the distinct values the filters offer, and the rows of an export. Writing and
// the chain's verification stay in audit-repo.ts.
import type { Db } from './db';

export interface AuditFilter {
  officerId?: string;
  /** Exact action, or a family such as `login` matching `login` and `login.failed`. */
  action?: string;
  /** Instants (ISO, UTC): rows at or after `from` and before `to`. The screen turns the
   *  officer's local days into these, so the station needs no time zone of its own. */
  from?: string;
  to?: string;
  /** Only rows older than this sequence number (the previous page's last row). */
  before?: number;
}

export interface AuditListedRow {
  seq: number; at: string; officerId: string | null; officerName: string | null; officerNip: string | null;
  action: string; detail: Record<string, unknown>;
}

interface Row {
  seq: number; at: string; officer_id: string | null; name: string | null; nip: string | null; action: string; detail: string;
}

export class AuditQuery {
  constructor(private readonly db: Db) {}

  /** Submits at the trail's tail whose receipt never printed (see receiptsOwed below). */
  receiptsOwed(tail = 1000): { officerId: string | null; appointmentId: string }[] {
    return receiptsOwed(this.db, tail);
  }

  page(filter: AuditFilter, limit: number): AuditListedRow[] {
    const { where, args } = whereOf(filter);
    const rows = this.db.prepare(
      `SELECT a.seq, a.at, a.officer_id, o.name, o.nip, a.action, a.detail
         FROM audit a LEFT JOIN officers o ON o.id = a.officer_id
        ${where} ORDER BY a.seq DESC LIMIT ?`,
    ).all(...args, limit) as Row[];
    return rows.map(toListed);
  }

  /** Every matching row, oldest first, for an export; streamed from SQLite. */
  *all(filter: Omit<AuditFilter, 'before'>): Generator<AuditListedRow> {
    const { where, args } = whereOf(filter);
    const stmt = this.db.prepare(
      `SELECT a.seq, a.at, a.officer_id, o.name, o.nip, a.action, a.detail
         FROM audit a LEFT JOIN officers o ON o.id = a.officer_id
        ${where} ORDER BY a.seq`,
    );
    for (const r of stmt.iterate(...args) as Iterable<Row>) yield toListed(r);
  }

  /** What the filters can offer: the actions recorded and the officers who acted. */
  choices(): { actions: string[]; officers: { id: string; name: string; nip: string }[] } {
    const actions = (this.db.prepare('SELECT DISTINCT action FROM audit ORDER BY action').all() as { action: string }[]).map((r) => r.action);
    const officers = this.db.prepare(
      'SELECT o.id, o.name, o.nip FROM officers o WHERE o.id IN (SELECT DISTINCT officer_id FROM audit) ORDER BY o.name',
    ).all() as { id: string; name: string; nip: string }[];
    return { actions, officers };
  }
}

function whereOf(f: AuditFilter): { where: string; args: (string | number)[] } {
  const parts: string[] = [];
  const args: (string | number)[] = [];
  if (f.officerId) { parts.push('a.officer_id = ?'); args.push(f.officerId); }
  if (f.action) { parts.push("(a.action = ? OR a.action LIKE ? ESCAPE '\\')"); args.push(f.action, `${f.action.replace(/[\\%_]/g, '\\$&')}.%`); }
  // Stored times are UTC ISO strings of one fixed form, so they compare as text.
  if (f.from) { parts.push('a.at >= ?'); args.push(f.from); }
  if (f.to) { parts.push('a.at < ?'); args.push(f.to); }
  if (f.before !== undefined) { parts.push('a.seq < ?'); args.push(f.before); }
  return { where: parts.length ? `WHERE ${parts.join(' AND ')}` : '', args };
}

function toListed(r: Row): AuditListedRow {
  return {
    seq: r.seq, at: r.at, officerId: r.officer_id, officerName: r.name, officerNip: r.nip, action: r.action,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
  };
}

/**
 * Submits among the last `tail` audit rows with no receipt printed (or tried) after them:
 * the station stopped between storing a submit and printing its receipt (a crash, a power
 * cut). The two are seconds apart, so only the trail's tail is looked at.
 */
export function receiptsOwed(db: Db, tail: number): { officerId: string | null; appointmentId: string }[] {
  return db.prepare(
    `SELECT s.officer_id AS officerId, json_extract(s.detail, '$.appointmentId') AS appointmentId
       FROM audit s
      WHERE s.seq > (SELECT coalesce(max(seq), 0) FROM audit) - ? AND s.action = 'application.submit'
        AND NOT EXISTS (SELECT 1 FROM audit r WHERE r.seq > s.seq AND r.action IN ('receipt.print', 'receipt.reprint')
                          AND json_extract(r.detail, '$.appointmentId') = json_extract(s.detail, '$.appointmentId'))
      ORDER BY s.seq`,
  ).all(tail) as { officerId: string | null; appointmentId: string }[];
}
