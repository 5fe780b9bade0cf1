// The day's applicants: appointments imported from the booking system and walk-ins.
import { randomUUID } from 'node:crypto';
import type { AppointmentRow, ApplicationStep } from '../contract-types';
import type { AppointmentStatus } from '../contract';
import type { AppointmentFields } from '../../domain/appointment';
import type { Db } from './db';
import type { ChangeLog } from './changelog';

export type { AppointmentFields };

export interface DbRow {
  seq: number; id: string; station_id: string; booking_code: string; nik: string; full_name: string;
  birth_place: string; birth_date: string; sex: 'M' | 'F'; service: string; passport_type: 'ordinary' | 'electronic';
  appointment_date: string; time_slot: string; payment_status: 'paid' | 'unpaid'; billing_code: string; phone: string;
  status: AppointmentStatus; priority: string; walk_in: number; source_hash: string | null; created_at: string; updated_at: string;
  queue_number: number | null;
}

export interface ViewFilter {
  date: string;
  query: string;
  statuses: AppointmentStatus[];
  slot?: string;
  limit: number;
}

// Enrolments returned by the supervisor first (the officer corrects them before the next
// applicant), then priority applicants, then by time slot, then in the order they were added.
const ORDER = `ORDER BY (a.status = 'returned') DESC, (a.priority != '') DESC, a.time_slot, a.seq`;

export class AppointmentsRepo {
  private readonly byCode;
  private readonly ins;
  private readonly upd;
  private readonly allDaysPrefixes;
  private readonly allDaysAnyPart;
  private readonly storeVersion;
  /** A text no row of the other days holds, while the store is unchanged (see searchAllDays). */
  private heldNowhere: { text: string; except: string; version: string } | null = null;
  private readonly statements = new Map<string, ReturnType<Db['prepare']>>();
  constructor(private readonly db: Db, private readonly stationId: string, private readonly changes: ChangeLog) {
    this.byCode = db.prepare('SELECT * FROM appointments WHERE booking_code = ?');
    // Positional parameters: binding by name costs a third more on a 5,000-row import.
    this.ins = db.prepare(
      `INSERT INTO appointments (id, station_id, booking_code, nik, full_name, birth_place, birth_date, sex, service,
         passport_type, appointment_date, time_slot, payment_status, billing_code, phone, status, priority, walk_in,
         source_hash, created_at, updated_at, queue_number)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.upd = db.prepare(
      `UPDATE appointments SET nik = @nik, full_name = @full_name, birth_place = @birth_place, birth_date = @birth_date,
         sex = @sex, service = @service, passport_type = @passport_type, appointment_date = @appointment_date,
         time_slot = @time_slot, payment_status = @payment_status, billing_code = @billing_code, phone = @phone,
         source_hash = @source_hash, updated_at = @updated_at
       WHERE id = @id`,
    );
    const prefixes = `
      SELECT * FROM (SELECT a.* FROM appointments a WHERE a.booking_code >= @lo AND a.booking_code < @hi AND a.appointment_date != @except ORDER BY a.booking_code LIMIT @limit)
      UNION SELECT * FROM (SELECT a.* FROM appointments a WHERE a.nik >= @lo AND a.nik < @hi AND a.appointment_date != @except ORDER BY a.nik LIMIT @limit)
      UNION SELECT * FROM (SELECT a.* FROM appointments a WHERE a.full_name >= @q COLLATE NOCASE AND a.full_name < @qhi COLLATE NOCASE
        AND a.appointment_date != @except ORDER BY a.full_name COLLATE NOCASE LIMIT @limit)`;
    const newestFirst = 'ORDER BY appointment_date DESC, time_slot, seq LIMIT @limit';
    this.allDaysPrefixes = db.prepare(`SELECT * FROM (${prefixes}) ${newestFirst}`);
    // Any write through this connection, or a commit through another, changes it.
    const totalChanges = db.prepare('SELECT total_changes() AS n').pluck();
    this.storeVersion = () => `${db.pragma('data_version', { simple: true }) as number}:${totalChanges.get() as number}`;
    this.allDaysAnyPart = db.prepare(
      `SELECT * FROM (${prefixes}
         UNION SELECT * FROM (SELECT a.* FROM appointments_search s JOIN appointments a ON a.seq = s.rowid
           WHERE appointments_search MATCH @phrase AND a.appointment_date != @except ORDER BY s.rowid DESC LIMIT @limit)
       ) ${newestFirst}`,
    );
  }

  sourceHashByCode(bookingCode: string): { id: string; sourceHash: string | null } | undefined {
    const r = this.byCode.get(bookingCode) as DbRow | undefined;
    return r && { id: r.id, sourceHash: r.source_hash };
  }

  /** Existing rows for many booking codes in one query (an import's whole file). */
  sourceHashesByCodes(codes: string[]): Map<string, { id: string; sourceHash: string | null }> {
    const rows = this.db.prepare(
      'SELECT booking_code, id, source_hash FROM appointments WHERE booking_code IN (SELECT value FROM json_each(?))',
    ).all(JSON.stringify(codes)) as { booking_code: string; id: string; source_hash: string | null }[];
    return new Map(rows.map((r) => [r.booking_code, { id: r.id, sourceHash: r.source_hash }]));
  }

  getByCode(bookingCode: string): AppointmentRow | undefined {
    const r = this.byCode.get(bookingCode) as DbRow | undefined;
    return r && toRow(r);
  }

  getById(id: string): AppointmentRow | undefined {
    const r = this.stmt('SELECT * FROM appointments WHERE id = ?').get(id) as DbRow | undefined;
    return r && toRow(r);
  }

  insert(f: AppointmentFields, opts: { status: AppointmentStatus; priority: string[]; walkIn: boolean; sourceHash: string | null; at: string }): string {
    const id = randomUUID();
    const v = {
      id, station_id: this.stationId, booking_code: f.bookingCode, nik: f.nik, full_name: f.fullName, birth_place: f.birthPlace,
      birth_date: f.birthDate, sex: f.sex, service: f.service, passport_type: f.passportType, appointment_date: f.appointmentDate,
      time_slot: f.timeSlot, payment_status: f.paymentStatus, billing_code: f.billingCode, phone: f.phone, status: opts.status,
      priority: opts.priority.join(','), walk_in: opts.walkIn ? 1 : 0, source_hash: opts.sourceHash, created_at: opts.at, updated_at: opts.at,
      // A walk-in is checked in as it is added, so it takes its place in the day's queue at once.
      queue_number: opts.status === 'checked_in' ? this.nextQueueNumber(f.appointmentDate) : null,
    };
    this.ins.run(
      v.id, v.station_id, v.booking_code, v.nik, v.full_name, v.birth_place, v.birth_date, v.sex, v.service, v.passport_type,
      v.appointment_date, v.time_slot, v.payment_status, v.billing_code, v.phone, v.status, v.priority, v.walk_in, v.source_hash, v.created_at, v.updated_at,
      v.queue_number,
    );
    // The import's hot path: the values just written, not a read of the row.
    this.changes.created('appointments', id, v);
    return id;
  }

  updateFields(id: string, f: AppointmentFields, sourceHash: string, at: string): void {
    const row = { id, ...toDbFields(f), source_hash: sourceHash, updated_at: at };
    this.changes.track('appointments', id, () => this.upd.run(row));
  }

  /** Moves an application to its next status and keeps the step in its history. */
  setStatus(id: string, from: AppointmentStatus, to: AppointmentStatus, officerId: string | null, reason: string | undefined, at: string, action: string): void {
    this.changes.track('appointments', id, () => {
      this.db.prepare('UPDATE appointments SET status = ?, updated_at = ? WHERE id = ?').run(to, at, id);
      // The first check-in gives the applicant the next number of their day's queue; an undone
      // and repeated check-in keeps it (the applicant may already hold it on paper).
      if (to === 'checked_in') {
        this.db.prepare(
          `UPDATE appointments SET queue_number = (SELECT coalesce(max(q.queue_number), 0) + 1 FROM appointments q WHERE q.appointment_date = appointments.appointment_date)
           WHERE id = ? AND queue_number IS NULL`,
        ).run(id);
      }
    });
    const ev = { id: randomUUID(), appointment_id: id, station_id: this.stationId, officer_id: officerId, from_status: from, to_status: to, reason: reason ?? null, action, at };
    this.db.prepare(
      `INSERT INTO appointment_events (id, appointment_id, station_id, officer_id, from_status, to_status, reason, action, at)
       VALUES (@id, @appointment_id, @station_id, @officer_id, @from_status, @to_status, @reason, @action, @at)`,
    ).run(ev);
    this.changes.created('appointment_events', ev.id);
  }

  /** Every step of one application, oldest first, with the officer's name where known. */
  history(id: string): ApplicationStep[] {
    return (this.db.prepare(
      `SELECT e.action, e.from_status AS "from", e.to_status AS "to", e.reason, e.at, e.officer_id AS officerId, o.name AS officerName
       FROM appointment_events e LEFT JOIN officers o ON o.id = e.officer_id
       WHERE e.appointment_id = ? ORDER BY e.at, e.rowid`,
    ).all(id) as ApplicationStep[]);
  }

  /** The queue screen: the day's rows matching the search and filters. */
  view(f: ViewFilter): { rows: AppointmentRow[]; matched: number } {
    const where = ['a.appointment_date = @date'];
    const params: Record<string, unknown> = { date: f.date, limit: f.limit };
    const q = f.query.trim();
    if (q) {
      // Any part of the booking code, NIK or name (the day's rows are few: a scan of them on
      // the day index). LIKE folds ASCII case; the all-days search also folds accents.
      where.push(`(a.booking_code LIKE @part ESCAPE '\\' OR a.nik LIKE @part ESCAPE '\\' OR a.full_name LIKE @part ESCAPE '\\')`);
      const esc = q.replace(/[\\%_]/g, (c) => `\\${c}`);
      params.part = `%${esc}%`;
    }
    if (f.statuses.length) where.push(`a.status IN (${f.statuses.map((_, i) => `@s${i}`).join(',')})`);
    f.statuses.forEach((s, i) => { params[`s${i}`] = s; });
    if (f.slot) { where.push('a.time_slot = @slot'); params.slot = f.slot; }
    const sqlWhere = where.join(' AND ');
    const rows = this.stmt(`SELECT a.* FROM appointments a WHERE ${sqlWhere} ${ORDER} LIMIT @limit`).all(params) as DbRow[];
    const matched = rows.length < f.limit ? rows.length
      : (this.stmt(`SELECT count(*) AS n FROM appointments a WHERE ${sqlWhere}`).get(params) as { n: number }).n;
    return { rows: rows.map(toRow), matched };
  }

  /**
   * Across every stored day (an applicant who came on another day than booked), newest
   * first: booking code, NIK or name by prefix — each a bounded range on its index — and,
   * from three characters on, any part of them through the trigram index. Every branch
   * stops at the limit by itself; only those few rows are sorted, never all matches.
   * Beginnings come first: when they alone fill the limit the trigram branch is not asked
   * (a typed code's first digits are in every stored code, and their trigram lists are long).
   * An officer typing today's booking code finds nothing on other days at every keystroke;
   * once a text is held nowhere, each longer text that holds it is answered without a query
   * until the store changes (its version: PRAGMA data_version and total_changes()).
   */
  searchAllDays(query: string, limit: number, exceptDate?: string): AppointmentRow[] {
    const q = query.trim();
    if (!q) return [];
    const except = exceptDate ?? '';
    // Typing on: a query that holds a text no other day's row holds finds nothing either.
    const version = this.storeVersion();
    const nowhere = this.heldNowhere;
    if (nowhere && nowhere.except === except && nowhere.version === version && q.includes(nowhere.text)) return [];
    const up = q.toUpperCase();
    const params = { lo: up, hi: `${up}\u{10FFFF}`, q, qhi: `${q}\u{10FFFF}`, limit, except, phrase: `"${q.replaceAll('"', '""')}"` };
    const byPrefix = this.allDaysPrefixes.all(params) as DbRow[];
    if (byPrefix.length >= limit || [...q].length < 3) return byPrefix.map(toRow);
    const rows = this.allDaysAnyPart.all(params) as DbRow[];
    // Only after the trigram branch: it is what makes "nowhere" true of every part.
    if (rows.length === 0) this.heldNowhere = { text: q, except, version };
    return rows.map(toRow);
  }

  /**
   * Many inserts at once (an import), inside the caller's transaction: the trigram index
   * gets the new rows in one statement at the end instead of one trigger call per row
   * (migration 0012 says why and how the triggers stand aside meanwhile).
   */
  bulk<T>(fn: () => T): T {
    const after = this.db.prepare('SELECT coalesce(max(seq), 0) AS n FROM appointments').get() as { n: number };
    this.stmt("INSERT INTO meta (key, value) VALUES ('search_bulk_after', ?)").run(String(after.n));
    try {
      const out = fn();
      this.stmt(`INSERT INTO appointments_search (rowid, booking_code, nik, full_name)
        SELECT seq, booking_code, nik, full_name FROM appointments WHERE seq > ?`).run(after.n);
      return out;
    } finally {
      this.db.prepare("DELETE FROM meta WHERE key = 'search_bulk_after'").run();
    }
  }

  /** Each statement prepared once: the queue screen asks on every keystroke. */
  private stmt(sql: string): ReturnType<Db['prepare']> {
    let st = this.statements.get(sql);
    if (!st) { st = this.db.prepare(sql); this.statements.set(sql, st); }
    return st;
  }

  /** The next number of a day's queue (numbers are given at check-in). */
  private nextQueueNumber(date: string): number {
    return (this.db.prepare('SELECT coalesce(max(queue_number), 0) + 1 AS n FROM appointments WHERE appointment_date = ?').get(date) as { n: number }).n;
  }

  /**
   * The applicant a counter calls next: checked in on that day and not yet called by any
   * counter; priority applicants first, then by time slot, then in the order of check-in.
   */
  nextToCall(date: string): AppointmentRow | undefined {
    const r = this.db.prepare(
      `SELECT a.* FROM appointments a WHERE a.appointment_date = ? AND a.status = 'checked_in'
         AND NOT EXISTS (SELECT 1 FROM queue_calls c WHERE c.appointment_id = a.id)
       ORDER BY (a.priority != '') DESC, a.time_slot, a.queue_number, a.seq LIMIT 1`,
    ).get(date) as DbRow | undefined;
    return r && toRow(r);
  }

  countsByStatus(date: string): Partial<Record<AppointmentStatus, number>> {
    const rows = this.stmt('SELECT status, count(*) AS n FROM appointments WHERE appointment_date = ? GROUP BY status').all(date) as { status: AppointmentStatus; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  }

  slots(date: string): string[] {
    return (this.stmt('SELECT DISTINCT time_slot FROM appointments WHERE appointment_date = ? ORDER BY time_slot').all(date) as { time_slot: string }[]).map((r) => r.time_slot);
  }
}

function toDbFields(f: AppointmentFields) {
  return {
    booking_code: f.bookingCode, nik: f.nik, full_name: f.fullName, birth_place: f.birthPlace, birth_date: f.birthDate,
    sex: f.sex, service: f.service, passport_type: f.passportType, appointment_date: f.appointmentDate, time_slot: f.timeSlot,
    payment_status: f.paymentStatus, billing_code: f.billingCode, phone: f.phone,
  };
}

export function toRow(r: DbRow): AppointmentRow {
  return {
    id: r.id, bookingCode: r.booking_code, nik: r.nik, fullName: r.full_name, birthPlace: r.birth_place, birthDate: r.birth_date,
    sex: r.sex, service: r.service, passportType: r.passport_type, appointmentDate: r.appointment_date, timeSlot: r.time_slot,
    paymentStatus: r.payment_status, billingCode: r.billing_code, phone: r.phone, status: r.status,
    priority: r.priority ? r.priority.split(',') : [], walkIn: r.walk_in === 1, updatedAt: r.updated_at,
    queueNumber: r.queue_number,
  };
}
