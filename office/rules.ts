// The office's validator: the domain's rules (domain/office-rules.ts) over the rows the
// office holds. Which other row a change needs (an enrolment's application) and, for a
// status change, the step that travels with it in the same push.
import type { Change } from '../domain/change-format';
import { officeRefusal } from '../domain/office-rules';
import type { MergedRow } from './merge';

/** The application row a change is judged against, if any. */
export function relatedKey(change: Change): { table: string; rowId: string } | null {
  if (change.table === 'enrolments') return { table: 'appointments', rowId: change.rowId };
  if (change.table === 'appointment_events' && typeof change.values.appointment_id === 'string') return { table: 'appointments', rowId: change.values.appointment_id };
  return null;
}

/** For an appointment's status change: the from-status of its step later in the same push. */
export function stepFromInBatch(change: Change, batch: readonly Change[], index: number): string | undefined {
  if (change.table !== 'appointments' || typeof change.values.status !== 'string') return undefined;
  for (let i = index + 1; i < batch.length && i <= index + 4; i++) {
    const e = batch[i]!;
    if (e.table === 'appointment_events' && e.values.appointment_id === change.rowId && e.values.to_status === change.values.status) {
      return typeof e.values.from_status === 'string' ? e.values.from_status : undefined;
    }
  }
  return undefined;
}

export interface RuleInput { current: MergedRow | undefined; application: MergedRow | undefined; stepFrom: string | undefined }

export function officeRule(change: Change, input: RuleInput): { code: string; message: string } | null {
  const r = officeRefusal(change, { current: input.current, application: input.application, stepFrom: input.stepFrom });
  return r ? { code: r.code, message: r.message } : null;
}
