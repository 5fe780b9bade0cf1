// Blank books, their deliveries and history, and the print jobs that use them. Every state
// change of a book writes the book and one history row in the caller's transaction; the
// service checks the step against domain/stock.ts first.
import { randomUUID } from 'node:crypto';
import type { Db } from './db';
import type { ChangeLog } from './changelog';
import type { BookEvent } from '../../domain/stock-reconciliation';
import type { BookState, SpoilReason } from '../../domain/stock';

export interface BookRecord {
  serial: string; series: string; deliveryId: string; state: BookState; spoilReason: SpoilReason | null;
  appointmentId: string | null; updatedAt: string;
}
export type PrintJobState = 'printing' | 'printed' | 'failed' | 'spoiled' | 'released';
export interface PrintJobRecord {
  id: string; appointmentId: string; serial: string; state: PrintJobState; printerId: string | null; ippJobId: number | null;
  mrz: [string, string] | null; pdfSha256: string | null; errorKey: string | null; qcPassed: boolean | null; checkedAt: string | null;
  officerId: string; createdAt: string; updatedAt: string;
}
export interface DeliveryRecord { id: string; reference: string; series: string; firstSerial: string; lastSerial: string; count: number; receivedAt: string }

type BookRow = { serial: string; series: string; delivery_id: string; state: BookState; spoil_reason: SpoilReason | null; appointment_id: string | null; updated_at: string };
type JobRow = {
  id: string; appointment_id: string; serial: string; state: PrintJobState; printer_id: string | null; ipp_job_id: number | null; mrz: string | null; pdf_sha256: string | null;
  error_key: string | null; qc_passed: number | null; checked_at: string | null; officer_id: string; created_at: string; updated_at: string;
};

const book = (r: BookRow): BookRecord => ({
  serial: r.serial, series: r.series, deliveryId: r.delivery_id, state: r.state, spoilReason: r.spoil_reason, appointmentId: r.appointment_id, updatedAt: r.updated_at,
});
const job = (r: JobRow): PrintJobRecord => ({
  id: r.id, appointmentId: r.appointment_id, serial: r.serial, state: r.state, printerId: r.printer_id, ippJobId: r.ipp_job_id,
  mrz: r.mrz ? (JSON.parse(r.mrz) as [string, string]) : null, pdfSha256: r.pdf_sha256, errorKey: r.error_key, qcPassed: r.qc_passed === null ? null : r.qc_passed === 1,
  checkedAt: r.checked_at, officerId: r.officer_id, createdAt: r.created_at, updatedAt: r.updated_at,
});

export class StockRepo {
  constructor(private readonly db: Db, private readonly stationId: string, private readonly changes: ChangeLog) {}

  book(serial: string): BookRecord | undefined {
    const r = this.db.prepare('SELECT * FROM books WHERE serial = ?').get(serial) as BookRow | undefined;
    return r && book(r);
  }

  /** Which of these serials are already known (any state). */
  existing(serials: readonly string[]): string[] {
    const stmt = this.db.prepare('SELECT 1 FROM books WHERE serial = ?');
    return serials.filter((s) => stmt.get(s) !== undefined);
  }

  countsByState(): Record<string, number> {
    const rows = this.db.prepare('SELECT state, count(*) AS n FROM books GROUP BY state').all() as { state: string; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.state, r.n]));
  }

  /** The lowest blank books in stock, as the pile offers them. */
  inStock(limit: number): BookRecord[] {
    return (this.db.prepare("SELECT * FROM books WHERE state = 'in_stock' ORDER BY series, length(serial), serial LIMIT ?").all(limit) as BookRow[]).map(book);
  }

  receive(d: { reference: string; series: string; serials: string[]; officerId: string; at: string }): DeliveryRecord {
    const id = randomUUID();
    const first = d.serials[0]!;
    const last = d.serials.at(-1)!;
    this.db.prepare(`INSERT INTO book_deliveries (id, station_id, reference, series, first_serial, last_serial, count, officer_id, received_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(id, this.stationId, d.reference, d.series, first, last, d.serials.length, d.officerId, d.at);
    this.changes.created('book_deliveries', id);
    const ins = this.db.prepare(`INSERT INTO books (serial, station_id, series, delivery_id, state, created_at, updated_at) VALUES (?, ?, ?, ?, 'in_stock', ?, ?)`);
    for (const serial of d.serials) {
      ins.run(serial, this.stationId, d.series, id, d.at, d.at);
      this.changes.created('books', serial);
      this.event(serial, null, 'in_stock', null, null, d.officerId, d.at);
    }
    return { id, reference: d.reference, series: d.series, firstSerial: first, lastSerial: last, count: d.serials.length, receivedAt: d.at };
  }

  /** Moves a book (the caller checked the step) and records the step in its history. */
  move(serial: string, from: BookState, to: BookState, o: { appointmentId: string | null; reason: string | null; spoilReason?: SpoilReason; officerId: string; at: string }): void {
    this.changes.track('books', serial, () => {
      const r = this.db.prepare('UPDATE books SET state = ?, spoil_reason = ?, appointment_id = ?, updated_at = ? WHERE serial = ? AND state = ?')
        .run(to, o.spoilReason ?? null, o.appointmentId, o.at, serial, from);
      if (r.changes !== 1) throw new Error(`book ${serial} is no longer ${from}`);
    });
    this.event(serial, from, to, o.reason, o.appointmentId, o.officerId, o.at);
  }

  private event(serial: string, from: BookState | null, to: BookState, reason: string | null, appointmentId: string | null, officerId: string, at: string): void {
    const id = randomUUID();
    this.db.prepare(`INSERT INTO book_events (id, station_id, serial, from_state, to_state, reason, appointment_id, officer_id, at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(id, this.stationId, serial, from, to, reason, appointmentId, officerId, at);
    this.changes.created('book_events', id);
  }

  /** Every book's history up to an instant, in the order it happened. */
  events(until: string): BookEvent[] {
    return (this.db.prepare('SELECT serial, from_state AS "from", to_state AS "to", at FROM book_events WHERE at < ? ORDER BY at, rowid').all(until) as BookEvent[]);
  }

  history(serial: string): (BookEvent & { reason: string | null; appointmentId: string | null })[] {
    return this.db.prepare('SELECT serial, from_state AS "from", to_state AS "to", at, reason, appointment_id AS appointmentId FROM book_events WHERE serial = ? ORDER BY at, rowid').all(serial) as
      (BookEvent & { reason: string | null; appointmentId: string | null })[];
  }

  // ---- print jobs ----------------------------------------------------------------------

  createJob(j: { appointmentId: string; serial: string; printerId: string | null; officerId: string; at: string }): PrintJobRecord {
    const id = randomUUID();
    this.db.prepare(`INSERT INTO print_jobs (id, station_id, appointment_id, serial, state, printer_id, officer_id, created_at, updated_at)
      VALUES (?, ?, ?, ?, 'printing', ?, ?, ?, ?)`).run(id, this.stationId, j.appointmentId, j.serial, j.printerId, j.officerId, j.at, j.at);
    this.changes.created('print_jobs', id);
    return this.job(id)!;
  }

  job(id: string): PrintJobRecord | undefined {
    const r = this.db.prepare('SELECT * FROM print_jobs WHERE id = ?').get(id) as JobRow | undefined;
    return r && job(r);
  }

  /** The application's latest print job: the one its printed passport came from. */
  latestJob(appointmentId: string): PrintJobRecord | undefined {
    const r = this.db.prepare('SELECT * FROM print_jobs WHERE appointment_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1').get(appointmentId) as JobRow | undefined;
    return r && job(r);
  }

  updateJob(id: string, patch: { state?: PrintJobState; ippJobId?: number | null; mrz?: [string, string]; pdfSha256?: string; errorKey?: string | null; qcPassed?: boolean; checkedAt?: string; at: string }): PrintJobRecord {
    const sets: string[] = ['updated_at = @at'];
    const vals: Record<string, unknown> = { id, at: patch.at };
    if (patch.state !== undefined) { sets.push('state = @state'); vals.state = patch.state; }
    if (patch.ippJobId !== undefined) { sets.push('ipp_job_id = @ipp'); vals.ipp = patch.ippJobId; }
    if (patch.mrz !== undefined) { sets.push('mrz = @mrz'); vals.mrz = JSON.stringify(patch.mrz); }
    if (patch.pdfSha256 !== undefined) { sets.push('pdf_sha256 = @sha'); vals.sha = patch.pdfSha256; }
    if (patch.errorKey !== undefined) { sets.push('error_key = @err'); vals.err = patch.errorKey; }
    if (patch.qcPassed !== undefined) { sets.push('qc_passed = @qc'); vals.qc = patch.qcPassed ? 1 : 0; }
    if (patch.checkedAt !== undefined) { sets.push('checked_at = @checked'); vals.checked = patch.checkedAt; }
    this.changes.track('print_jobs', id, () => this.db.prepare(`UPDATE print_jobs SET ${sets.join(', ')} WHERE id = @id`).run(vals));
    return this.job(id)!;
  }

  /** Printed passports not issued, with when they were printed (their latest printed job). */
  printedNotIssued(): { appointmentId: string; serial: string; printedAt: string }[] {
    return this.db.prepare(`SELECT b.appointment_id AS appointmentId, b.serial, b.updated_at AS printedAt FROM books b
      WHERE b.state = 'printed' AND b.appointment_id IS NOT NULL ORDER BY b.updated_at`).all() as { appointmentId: string; serial: string; printedAt: string }[];
  }

  /** Approved applications with the time of their (latest) approval, oldest first. */
  approvedQueue(limit: number): { appointmentId: string; approvedAt: string }[] {
    return this.db.prepare(`SELECT a.id AS appointmentId, max(e.at) AS approvedAt FROM appointments a
      JOIN appointment_events e ON e.appointment_id = a.id AND e.to_status = 'approved'
      WHERE a.status = 'approved' GROUP BY a.id ORDER BY approvedAt, a.id LIMIT ?`).all(limit) as { appointmentId: string; approvedAt: string }[];
  }

  /** Jobs the operator must still act on: printing or failed, or printed and not passed. */
  openJobs(): PrintJobRecord[] {
    return (this.db.prepare(`SELECT j.* FROM print_jobs j
      WHERE j.state IN ('printing', 'failed') OR (j.state = 'printed' AND (j.qc_passed IS NULL OR j.qc_passed = 0))
      ORDER BY j.created_at`).all() as JobRow[]).map(job);
  }
}
