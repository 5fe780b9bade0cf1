// The applicant's receipt (tanda terima): printed on the station's ESC/POS receipt printer
// when an enrolment is submitted, and again on request. A receipt printer that is absent,
// out of paper or unplugged never fails the submit — the outcome carries the sentence,
// the audit trail records what happened, and the officer reprints when it is put right.
// The collection date is a configured number of working days after the interview,
// skipping weekends, national holidays and (unless the office opens then) collective leave.
import { HOLIDAYS_ID } from '../../domain/holidays-id';
import { SATURDAY_SUNDAY, addWorkingDays, weekday, type WorkingCalendar } from '../../domain/collection-date';
import { localDate, localStamp } from '../../domain/dates';
import type { ReceiptSettingsView } from '../receipt-settings-types';
import { enrolmentReceipt } from '../../domain/receipt-layout';
import { renderReceipt } from '../../native/drivers/escpos/escpos-document';
import type { AppointmentRow, ReceiptOutcome } from '../contract-types';
import type { Store } from '../store/store';
import type { DeviceService } from './device-service';
import { StationError } from './errors';

/** What the receipt needs from the office; kept in the station's settings (keys `receipt.*`). */
export interface ReceiptSettings {
  officeName: string;
  officeAddress: string;
  /** Working days from the interview to collection. */
  collectionWorkingDays: number;
  collectionHours: string[];
  /** The office closes on collective leave days (cuti bersama), as government offices do. */
  closedOnCollectiveLeave: boolean;
  /** The office's own closures (a regional holiday), ISO dates. */
  extraClosedDates: string[];
  /** Days of the week the office is closed (0 = Sunday … 6 = Saturday); an office open on Saturdays drops 6. */
  closedWeekdays: number[];
}

export const DEFAULT_RECEIPT_SETTINGS: ReceiptSettings = {
  officeName: 'Kantor Imigrasi',
  officeAddress: '',
  collectionWorkingDays: 4,
  collectionHours: ['Senin–Jumat 13.00–15.00 WIB'],
  closedOnCollectiveLeave: true,
  extraClosedDates: [],
  closedWeekdays: [...SATURDAY_SUNDAY],
};

/** Where each setting is kept in the station's settings. */
const KEYS: Record<keyof ReceiptSettings, string> = {
  officeName: 'receipt.officeName', officeAddress: 'receipt.officeAddress', collectionWorkingDays: 'receipt.collectionWorkingDays',
  collectionHours: 'receipt.collectionHours', closedOnCollectiveLeave: 'receipt.closedOnCollectiveLeave',
  extraClosedDates: 'receipt.extraClosedDates', closedWeekdays: 'receipt.closedWeekdays',
};

/** The receipt's wording of a service and passport type (printed, so in Indonesian). */
const SERVICE_TEXT: Record<string, string> = {
  new: 'permohonan baru',
  replace_expired: 'penggantian, habis masa berlaku',
  replace_full: 'penggantian, halaman penuh',
  replace_lost: 'penggantian, hilang',
  replace_damaged: 'penggantian, rusak',
  replace_disaster: 'penggantian, bencana',
};

/** Statuses in which the applicant has handed in a complete enrolment. */
const SUBMITTED = new Set(['awaiting_approval', 'returned', 'approved', 'printing', 'printed']);

export class ReceiptService {
  constructor(
    private readonly store: Store,
    private readonly devices: DeviceService,
    private readonly appointment: (id: string) => AppointmentRow,
    private readonly now: () => Date,
  ) {}

  settings(): ReceiptSettings {
    const raw = this.store.settings.getAll();
    const json = <T>(k: string, fallback: T, ok: (v: unknown) => boolean): T => {
      try {
        const v: unknown = raw[k] === undefined ? undefined : JSON.parse(raw[k]!);
        return v !== undefined && ok(v) ? (v as T) : fallback;
      } catch {
        return fallback;
      }
    };
    const d = DEFAULT_RECEIPT_SETTINGS;
    const days = Number(raw['receipt.collectionWorkingDays']);
    const strings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
    return {
      officeName: raw['receipt.officeName'] || d.officeName,
      officeAddress: raw['receipt.officeAddress'] ?? d.officeAddress,
      collectionWorkingDays: Number.isInteger(days) && days >= 0 && days <= 60 ? days : d.collectionWorkingDays,
      collectionHours: json('receipt.collectionHours', d.collectionHours, strings),
      closedOnCollectiveLeave: raw['receipt.closedOnCollectiveLeave'] === undefined ? d.closedOnCollectiveLeave : raw['receipt.closedOnCollectiveLeave'] === 'true',
      extraClosedDates: json('receipt.extraClosedDates', d.extraClosedDates, strings),
      closedWeekdays: json('receipt.closedWeekdays', d.closedWeekdays, (v) => Array.isArray(v) && v.length < 7 && v.every((x) => Number.isInteger(x) && x >= 0 && x <= 6)),
    };
  }

  collectionDate(interviewDate: string, s = this.settings()): string {
    return addWorkingDays(interviewDate, s.collectionWorkingDays, calendarOf(s));
  }

  /** The settings with the collection date they give for an interview today (the administrator's panel). */
  view(): ReceiptSettingsView {
    const s = this.settings();
    const interviewDate = localDate(this.now());
    const collectionDate = this.collectionDate(interviewDate, s);
    const named = new Map<string, { name: string; kind: 'national' | 'collective_leave' | 'office' }>();
    for (const d of s.extraClosedDates) named.set(d, { name: '', kind: 'office' });
    for (const h of HOLIDAYS_ID) if (h.kind === 'national' || s.closedOnCollectiveLeave) named.set(h.date, { name: h.name, kind: h.kind });
    const skipped = [...named].filter(([d]) => d > interviewDate && d <= collectionDate && !s.closedWeekdays.includes(weekday(d)))
      .sort(([a], [b]) => a.localeCompare(b)).map(([date, h]) => ({ date, ...h }));
    return { ...s, preview: { interviewDate, collectionDate, skipped } };
  }

  /** The administrator's changes, checked (the office must stay open some day), audited, in one transaction. */
  update(officerId: string, patch: Partial<ReceiptSettings>): ReceiptSettingsView {
    const next = { ...this.settings(), ...patch };
    if (next.closedWeekdays.length >= 7) throw new StationError('bad_input', { reason: 'office_never_open' }, 'closedWeekdays');
    const at = this.now().toISOString();
    this.store.tx(() => {
      for (const [k, v] of Object.entries(patch) as [keyof ReceiptSettings, unknown][]) {
        if (v === undefined) continue;
        const value = k === 'extraClosedDates' ? [...new Set(v as string[])].sort() : k === 'closedWeekdays' ? [...new Set(v as number[])].sort() : v;
        this.store.settings.set(KEYS[k], typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value), at);
      }
      // Which settings changed, not their values: the office's address is no secret, but the trail needs only the fact.
      this.store.audit.append(officerId, 'receipt.settings', { changed: Object.keys(patch).filter((k) => patch[k as keyof ReceiptSettings] !== undefined) }, at);
    });
    return this.view();
  }

  /** After a submit: prints, and whatever happens, returns an outcome instead of throwing. */
  async afterSubmit(officerId: string, appointmentId: string): Promise<ReceiptOutcome> {
    try {
      return await this.print(officerId, appointmentId, false);
    } catch (err) {
      // The enrolment is already stored; a receipt problem must not turn that into a failure.
      console.error(`[receipts] receipt after submit failed: ${(err as Error)?.message ?? String(err)}`);
      return { printed: false, collectionDate: '', message: { key: 'receipts.failed' } };
    }
  }

  /**
   * At start: the receipts of submits stored just before the station stopped (killed, power
   * cut) and never printed. The applicant is usually still at the counter; a receipt printed
   * whose record was lost with the crash comes out twice, which is better than none.
   */
  async printOwed(): Promise<number> {
    let printed = 0;
    for (const owed of this.store.auditLog.receiptsOwed()) {
      if (!owed.officerId) continue;
      try {
        await this.print(owed.officerId, owed.appointmentId, false, true);
        printed++;
      } catch (err) {
        console.error(`[receipts] an owed receipt could not be printed: ${(err as Error)?.name ?? 'Error'}`);
      }
    }
    return printed;
  }

  reprint(officerId: string, appointmentId: string): Promise<ReceiptOutcome> {
    return this.print(officerId, appointmentId, true);
  }

  private async print(officerId: string, appointmentId: string, reprint: boolean, recovered = false): Promise<ReceiptOutcome> {
    const a = this.appointment(appointmentId);
    if (!SUBMITTED.has(a.status)) throw new StationError('invalid_transition', { status: a.status });
    const s = this.settings();
    const collectionDate = this.collectionDate(a.appointmentDate, s);
    const target = this.devices.receiptPrinter();
    const at = this.now();
    let outcome: ReceiptOutcome;
    if (!target) outcome = { printed: false, collectionDate, message: { key: 'receipts.noPrinter' } };
    else {
      const blocks = enrolmentReceipt({
        officeName: s.officeName,
        ...(s.officeAddress ? { officeAddress: s.officeAddress } : {}),
        applicantName: a.fullName,
        bookingCode: a.bookingCode,
        service: `Paspor ${a.passportType === 'electronic' ? 'elektronik' : 'biasa'}, ${SERVICE_TEXT[a.service] ?? a.service}`,
        interviewDate: a.appointmentDate,
        collectionDate,
        collectionHours: s.collectionHours,
        printedAt: localStamp(at),
        reprint,
      }, target.paperMm);
      const r = await target.printer.print(renderReceipt(blocks, target.paperMm));
      outcome = r.ok
        ? { printed: true, collectionDate, printerId: target.id, ...(r.value.problems.length ? { message: r.value.message } : {}) }
        : { printed: false, collectionDate, printerId: target.id, message: { key: r.error.key, ...(r.error.params ? { params: r.error.params } : {}) } };
    }
    // Who printed what for whom, never the applicant's data itself.
    this.store.tx(() => this.store.audit.append(officerId, reprint ? 'receipt.reprint' : 'receipt.print', {
      appointmentId, printed: outcome.printed, ...(outcome.printerId ? { printerId: outcome.printerId } : {}), ...(outcome.message ? { reason: outcome.message.key } : {}),
      ...(recovered ? { recovered: true } : {}),
    }, at.toISOString()));
    return outcome;
  }
}

/** The office's working calendar: its closed weekdays, national holidays, collective leave if it closes then, its own closures. */
function calendarOf(s: ReceiptSettings): WorkingCalendar {
  const closed = new Set([...HOLIDAYS_ID.filter((h) => h.kind === 'national' || s.closedOnCollectiveLeave).map((h) => h.date), ...s.extraClosedDates]);
  return { weekend: s.closedWeekdays, closed };
}
