// The day's queue: what the queue screen shows, walk-ins, and check-in by booking code.
import type { AppointmentStatus, Role } from '../contract';
import type { WorkflowService } from './workflow';
import type { AppointmentRow, DisplayAddress, QueueCallResult, QueueView } from '../contract-types';
import type { WaitingRoom } from './waiting-room';
import { checkNik } from '../../domain/nik';
import { localDate } from '../../domain/dates';
import type { Store } from '../store/store';
import { StationError } from './errors';

/** Other days' matches shown under the day's: enough to pick from, few enough to read. */
const OTHER_DAYS_LIMIT = 20;

export interface WalkInInput {
  nik: string; fullName: string; birthPlace: string; birthDate: string; sex: 'M' | 'F'; service: string;
  passportType: 'ordinary' | 'electronic'; phone?: string; priority: ('elderly' | 'child' | 'disabled')[];
}

export class QueueService {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
    private readonly changed: (date: string) => void,
    private readonly workflow: WorkflowService,
    private readonly waitingRoom?: WaitingRoom,
  ) {}

  view(f: { date: string; query: string; statuses: AppointmentStatus[]; slot?: string; limit: number; scope?: 'day' | 'all' }): QueueView {
    const day = this.store.appointments.view(f);
    let { rows, matched } = day;
    // One search box: the day's matches (with the screen's filters), then other days' —
    // an applicant who came late, early, or with last week's returned enrolment.
    if (f.scope === 'all' && f.query.trim()) {
      const others = this.store.appointments.searchAllDays(f.query, OTHER_DAYS_LIMIT, f.date);
      rows = [...rows, ...others];
      matched += others.length;
    }
    const counts = this.store.appointments.countsByStatus(f.date);
    const total = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
    return { rows, counts, total, matched, slots: this.store.appointments.slots(f.date) };
  }

  get(id: string): AppointmentRow {
    const row = this.store.appointments.getById(id);
    if (!row) throw new StationError('not_found');
    return row;
  }

  addWalkIn(officerId: string, input: WalkInInput): AppointmentRow {
    const problem = checkNik(input.nik, input.birthDate, input.sex);
    if (problem) throw new StationError('bad_input', { reason: problem }, 'nik');
    const now = this.now();
    const at = now.toISOString();
    const date = localDate(now);
    const hhmm = (d: Date) => `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
    const id = this.store.tx(() => {
      const bookingCode = this.nextWalkInCode(date);
      const newId = this.store.appointments.insert({
        bookingCode, nik: input.nik, fullName: input.fullName.replace(/\s+/g, ' '), birthPlace: input.birthPlace, birthDate: input.birthDate,
        sex: input.sex, service: input.service, passportType: input.passportType, appointmentDate: date,
        timeSlot: `${hhmm(now)}-${hhmm(new Date(now.getTime() + 30 * 60_000))}`, paymentStatus: 'unpaid', billingCode: '', phone: input.phone ?? '',
      }, { status: 'checked_in', priority: input.priority, walkIn: true, sourceHash: null, at });
      this.store.audit.append(officerId, 'queue.walk_in', { appointmentId: newId, bookingCode, priority: input.priority }, at);
      return newId;
    });
    this.changed(date);
    return this.get(id);
  }

  /** Walk-in codes are W + date + a counter, so they never collide with booking codes. */
  private nextWalkInCode(date: string): string {
    const prefix = `W${date.replaceAll('-', '')}`;
    for (let n = 1; ; n++) {
      const code = `${prefix}${String(n).padStart(3, '0')}`;
      if (!this.store.appointments.getByCode(code)) return code;
    }
  }

  /** A booking code scanned or typed at the counter: find the applicant and check them in. */
  checkIn(officerId: string, roles: Role[], bookingCode: string): AppointmentRow {
    const row = this.store.appointments.getByCode(bookingCode.trim().toUpperCase());
    if (!row) throw new StationError('not_found', { bookingCode: bookingCode.trim().toUpperCase() }, 'bookingCode');
    if (row.status !== 'booked') throw new StationError('conflict', { reason: 'already_used', status: row.status }, 'bookingCode');
    return this.workflow.take(officerId, roles, 'checkIn', row.id, { detail: { bookingCode: row.bookingCode, by: 'code' } });
  }

  /**
   * Call next: the day's first checked-in applicant no counter has called yet (priority
   * first, then time slot, then queue number). Recorded with who called and at which
   * counter, audited, and shown on the waiting-room display.
   */
  callNext(officerId: string): QueueCallResult {
    const date = localDate(this.now());
    return this.callRow(officerId, () => {
      const row = this.store.appointments.nextToCall(date);
      if (!row) throw new StationError('not_found', { reason: 'nobody_waiting' });
      return row;
    }, 'next');
  }

  /** Calls (or calls again) one chosen checked-in applicant. */
  call(officerId: string, id: string): QueueCallResult {
    return this.callRow(officerId, () => {
      const row = this.get(id);
      if (row.status !== 'checked_in' || row.queueNumber === null) throw new StationError('conflict', { reason: 'not_waiting', status: row.status });
      return row;
    }, 'chosen');
  }

  private callRow(officerId: string, pick: () => AppointmentRow, how: 'next' | 'chosen'): QueueCallResult {
    const at = this.now().toISOString();
    const result = this.store.tx(() => {
      const row = pick();
      const counter = this.store.queueCalls.counter();
      const call = this.store.queueCalls.record({ appointmentId: row.id, officerId: officerId || null, counter, queueNumber: row.queueNumber ?? 0, at });
      this.store.audit.append(officerId, 'queue.call', { appointmentId: row.id, queueNumber: call.queueNumber, counter, how }, at);
      return { row, call };
    });
    this.changed(result.row.appointmentDate);
    this.waitingRoom?.announce();
    return result;
  }

  displayAddress(): DisplayAddress {
    if (!this.waitingRoom) throw new StationError('not_found');
    return { path: this.waitingRoom.path(), counter: this.store.queueCalls.counter() };
  }

  /** This PC's counter number (or name), as the display shows it. */
  setCounter(officerId: string, counter: string): DisplayAddress {
    const at = this.now().toISOString();
    this.store.tx(() => {
      this.store.queueCalls.setCounter(counter);
      this.store.audit.append(officerId, 'queue.set_counter', { counter }, at);
    });
    return this.displayAddress();
  }
}
