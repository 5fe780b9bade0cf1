// Blank-book stock at the office: deliveries received from headquarters, books spoiled or
// returned outside a print job, the series configuration, the uncollected list and the
// day's reconciliation. Every change of a book goes through move() here: the step is checked
// against domain/stock.ts, written with its history row and audited, in one transaction.
import type { Store } from '../store/store';
import type { BookRecord } from '../store/stock-repo';
import type { DeliveryView, StockConfig, StockOverview, UncollectedRow } from '../issuance-types';
import {
  BOOK_STATES, DEFAULT_SERIES, bookStep, expandRange, normaliseSerial, serialFitsSeries, seriesProblems,
  type BookSeries, type BookStep, type SpoilReason,
} from '../../domain/stock';
import { reconcile, reconciliationCsv, type Reconciliation } from '../../domain/stock-reconciliation';
import { StationError } from './errors';
import { assertLeased } from './book-lease';

const SERIES_KEY = 'stock.series';
const DAYS_KEY = 'stock.uncollectedDays';
const DEFAULT_UNCOLLECTED_DAYS = 30;

/** The station's local midnight of `day` (plus days), as the instant stored times compare with. */
function localMidnight(day: string, addDays = 0): Date {
  const d = new Date(`${day}T00:00:00`);
  d.setDate(d.getDate() + addDays);
  return d;
}

export class StockService {
  constructor(private readonly store: Store, private readonly now: () => Date) {}

  config(): StockConfig {
    const raw = this.store.settings.getAll();
    let series: BookSeries[] = [...DEFAULT_SERIES];
    try {
      const parsed = raw[SERIES_KEY] ? (JSON.parse(raw[SERIES_KEY]) as BookSeries[]) : null;
      if (Array.isArray(parsed) && parsed.length > 0 && seriesProblems(parsed).length === 0) series = parsed;
    } catch { /* a broken value keeps the defaults; setConfig never writes one */ }
    const days = Number(raw[DAYS_KEY] ?? DEFAULT_UNCOLLECTED_DAYS);
    return { series, uncollectedDays: Number.isInteger(days) && days > 0 ? days : DEFAULT_UNCOLLECTED_DAYS };
  }

  setConfig(officerId: string, input: Partial<StockConfig>): StockOverview {
    if (input.series) {
      const problem = seriesProblems(input.series)[0];
      if (problem) throw new StationError('bad_input', { reason: `series_${problem.problem}`, series: problem.id }, 'series');
    }
    const at = this.now().toISOString();
    this.store.tx(() => {
      if (input.series) this.store.settings.set(SERIES_KEY, JSON.stringify(input.series), at);
      if (input.uncollectedDays !== undefined) this.store.settings.set(DAYS_KEY, String(input.uncollectedDays), at);
      this.store.audit.append(officerId, 'stock.config', { series: input.series?.map((s) => s.id), uncollectedDays: input.uncollectedDays }, at);
    });
    return this.overview();
  }

  overview(): StockOverview {
    const c = this.store.stock.countsByState();
    const counts = Object.fromEntries(BOOK_STATES.map((s) => [s, c[s] ?? 0])) as StockOverview['counts'];
    const cfg = this.config();
    const next = this.store.stock.inStock(500);
    return {
      ...cfg, counts,
      next: cfg.series.map((s) => ({ series: s.id, serials: next.filter((b) => b.series === s.id).slice(0, 5).map((b) => b.serial) })),
    };
  }

  series(id: string): BookSeries {
    const s = this.config().series.find((x) => x.id === id);
    if (!s) throw new StationError('bad_input', { reason: 'series_unknown', series: id }, 'series');
    return s;
  }

  /** A delivery from headquarters: every serial of the range, all of the series, none known already. */
  receive(officerId: string, input: { reference: string; series: string; first: string; last: string }): DeliveryView {
    const series = this.series(input.series);
    const range = expandRange(normaliseSerial(input.first), normaliseSerial(input.last));
    if (!range.ok) throw new StationError('bad_input', { reason: `range_${range.problem}` }, 'last');
    const misfit = range.serials.find((s) => !serialFitsSeries(s, series));
    if (misfit) throw new StationError('bad_input', { reason: 'serial_series', serial: misfit, example: series.example }, 'first');
    const at = this.now().toISOString();
    return this.store.tx(() => {
      const known = this.store.stock.existing(range.serials);
      if (known.length > 0) throw new StationError('conflict', { reason: 'serials_known', serial: known[0]!, count: known.length });
      const d = this.store.stock.receive({ reference: input.reference.trim(), series: series.id, serials: range.serials, officerId, at });
      this.store.audit.append(officerId, 'stock.receive', { reference: d.reference, series: d.series, first: d.firstSerial, last: d.lastSerial, count: d.count }, at);
      return d;
    });
  }

  /** The book, or a sentence-ready refusal naming the serial. */
  book(serial: string): BookRecord {
    const b = this.store.stock.book(normaliseSerial(serial));
    if (!b) throw new StationError('bad_input', { reason: 'serial_unknown', serial: normaliseSerial(serial) }, 'serial');
    return b;
  }

  /**
   * One step of one book, with its history row and audit entry. Call inside the caller's
   * transaction when the step goes with others (a print job, an application's status).
   */
  move(officerId: string, serial: string, step: BookStep, o: { appointmentId?: string | null; reason?: string; spoilReason?: SpoilReason; at: string }): BookRecord {
    return this.store.tx(() => {
      const b = this.book(serial);
      const to = bookStep(step, b.state);
      if (!to) throw new StationError('conflict', { reason: 'book_state', serial: b.serial, state: b.state });
      // A paired station prints only on books the office leased to it (one authority).
      if (step === 'assign') assertLeased(this.store, b.serial);
      const appointmentId = o.appointmentId === undefined ? b.appointmentId : o.appointmentId;
      this.store.stock.move(b.serial, b.state, to, { appointmentId, reason: o.reason ?? o.spoilReason ?? null, ...(o.spoilReason ? { spoilReason: o.spoilReason } : {}), officerId, at: o.at });
      this.store.audit.append(officerId, `stock.${step}`, { serial: b.serial, from: b.state, to, ...(appointmentId ? { appointmentId } : {}), ...(o.spoilReason ? { spoilReason: o.spoilReason } : {}) }, o.at);
      return this.store.stock.book(b.serial)!;
    });
  }

  /** A blank book found damaged in stock, or misprinted outside the queue. */
  spoilBlank(officerId: string, serial: string, reason: SpoilReason): StockOverview {
    const b = this.book(serial);
    if (b.state !== 'in_stock') throw new StationError('conflict', { reason: 'book_state', serial: b.serial, state: b.state });
    this.move(officerId, b.serial, 'spoil', { spoilReason: reason, at: this.now().toISOString() });
    return this.overview();
  }

  /** Blank books sent back to headquarters (a range; every one must be in stock). */
  returnToHq(officerId: string, input: { first: string; last: string; reference: string }): StockOverview {
    const range = expandRange(normaliseSerial(input.first), normaliseSerial(input.last));
    if (!range.ok) throw new StationError('bad_input', { reason: `range_${range.problem}` }, 'last');
    const at = this.now().toISOString();
    this.store.tx(() => {
      for (const s of range.serials) {
        const b = this.book(s);
        if (b.state !== 'in_stock') throw new StationError('conflict', { reason: 'book_state', serial: b.serial, state: b.state });
        this.move(officerId, s, 'returnToHq', { reason: input.reference.trim(), at });
      }
    });
    return this.overview();
  }

  reconciliation(day: string): Reconciliation {
    const start = localMidnight(day).toISOString();
    const end = localMidnight(day, 1).toISOString();
    return reconcile(day, this.store.stock.events(end), start, end);
  }

  reconciliationExport(officerId: string, day: string): { fileName: string; csv: string } {
    const r = this.reconciliation(day);
    this.store.tx(() => this.store.audit.append(officerId, 'stock.reconciliationExport', { day, balanced: r.balanced, gaps: r.gaps.length }, this.now().toISOString()));
    return { fileName: `rekonsiliasi-buku-${day}.csv`, csv: reconciliationCsv(r) };
  }

  /** Printed passports still not issued after the configured number of days, oldest first. */
  uncollected(): UncollectedRow[] {
    const days = this.config().uncollectedDays;
    const nowMs = this.now().getTime();
    const out: UncollectedRow[] = [];
    for (const p of this.store.stock.printedNotIssued()) {
      const age = Math.floor((nowMs - Date.parse(p.printedAt)) / 86_400_000);
      if (age < days) continue;
      const a = this.store.appointments.getById(p.appointmentId);
      if (!a || a.status !== 'printed') continue;
      out.push({ appointmentId: a.id, bookingCode: a.bookingCode, fullName: a.fullName, phone: a.phone, serial: p.serial, printedAt: p.printedAt, days: age });
    }
    return out;
  }
}
