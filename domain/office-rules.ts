// What the office refuses when a station's change reaches it, so that every station of the
// office ends on the same, lawful state of each application:
//  - a workflow step is checked against where the application stands at the office, not
//    against the clocks: a step taken from a status the office no longer holds (a stale
//    approval from a station whose clock runs an hour ahead would otherwise win by its
//    stamp) is refused;
//  - the data of an application under review or later (submitted, approved, printing…) is
//    frozen: a late edit from another station is refused, never merged into it.
// Pure: the office service hands in the rows as it holds them.
import type { Change, ChangeValue } from './change-format';
import { STATUSES, type AppointmentStatus } from './catalog';
import { WORKFLOW } from './workflow';

export interface OfficeRow { vals: Record<string, ChangeValue> }

export interface OfficeRuleContext {
  /** The changed row as the office holds it (undefined: new to the office). */
  current?: OfficeRow;
  /** For an enrolment or a workflow step: the application's row at the office. */
  application?: OfficeRow;
  /** For a status change: the status its step started from, when the step travels in the same push. */
  stepFrom?: string;
}

export interface OfficeRefusal { code: 'step_stale' | 'step_invalid' | 'fields_frozen'; params: Record<string, string>; message: string }

/** From submission on, what was enrolled is what gets reviewed and printed. */
export const FROZEN_STATUSES: readonly AppointmentStatus[] = ['awaiting_approval', 'approved', 'printing', 'printed', 'issued', 'dispatched'];

/** The application's own data; its status and bookkeeping columns move by workflow steps. */
const APPLICATION_DATA = ['nik', 'full_name', 'birth_place', 'birth_date', 'sex', 'service', 'passport_type', 'appointment_date', 'time_slot', 'billing_code'];

const isStatus = (s: unknown): s is AppointmentStatus => typeof s === 'string' && (STATUSES as readonly string[]).includes(s);

/** Whether some workflow action leads from one status to the other. */
export function stepExists(from: AppointmentStatus, to: AppointmentStatus): boolean {
  return Object.values(WORKFLOW).some((a) => (a.from as readonly string[]).includes(from) && a.to === to);
}

export function officeRefusal(change: Change, ctx: OfficeRuleContext): OfficeRefusal | null {
  if (change.op !== 'upsert') return null;
  if (change.table === 'appointments') {
    const was = ctx.current?.vals.status;
    if (!isStatus(was)) return null;
    const next = change.values.status;
    if (isStatus(next) && next !== was) {
      if (ctx.stepFrom !== undefined && ctx.stepFrom !== was) {
        return {
          code: 'step_stale', params: { from: ctx.stepFrom, to: next, now: was },
          message: `This step (${ctx.stepFrom} → ${next}) was taken on an application that has since moved on at the office (it is now ${was}); it was set aside. Open the application again to see where it stands.`,
        };
      }
      if (!stepExists(was, next)) {
        return {
          code: 'step_invalid', params: { from: was, to: next },
          message: `The office holds this application as ${was}; no step leads from there to ${next}, so the change was set aside. Open the application again to see where it stands.`,
        };
      }
    }
    const touched = APPLICATION_DATA.filter((c) => c in change.values && change.values[c] !== ctx.current?.vals[c]);
    if (touched.length && FROZEN_STATUSES.includes(was) && !(isStatus(next) && !FROZEN_STATUSES.includes(next))) {
      return frozen(was, touched);
    }
    return null;
  }
  if (change.table === 'enrolments') {
    const status = ctx.application?.vals.status;
    const changed = Object.keys(change.values).filter((c) => c !== 'updated_at' && change.values[c] !== ctx.current?.vals[c]);
    if (isStatus(status) && FROZEN_STATUSES.includes(status) && ctx.current && changed.length) return frozen(status, changed);
    return null;
  }
  if (change.table === 'appointment_events' && !ctx.current) {
    // A step's history row stands only if the office took the step: the application is
    // where the step says it led.
    const status = ctx.application?.vals.status;
    const to = change.values.to_status;
    if (isStatus(status) && isStatus(to) && status !== to) {
      return {
        code: 'step_stale', params: { from: String(change.values.from_status ?? ''), to, now: status },
        message: `This step (${String(change.values.from_status ?? '?')} → ${to}) was not taken at the office: the application is now ${status}. It was set aside.`,
      };
    }
  }
  return null;
}

function frozen(status: AppointmentStatus, columns: string[]): OfficeRefusal {
  return {
    code: 'fields_frozen', params: { status, columns: columns.join(', ') },
    message: `The application is ${status} at the office, so its data can no longer change (${columns.join(', ')}); the change was set aside. If it must change, the supervisor returns the enrolment first.`,
  };
}
