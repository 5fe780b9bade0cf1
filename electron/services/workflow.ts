// Every step of an application's life goes through here: the action's rule from
// domain/workflow.ts (from which statuses, who, whether a reason is needed), the caller's own
// precondition (a complete enrolment, an unchanged one), then the status, the history row
// and the audit entry in one transaction. Nothing else changes an application's status.
import type { Role } from '../contract';
import type { AppointmentRow } from '../contract-types';
import { checkAction, WORKFLOW, type WorkflowActionName } from '../../domain/workflow';
import type { Store } from '../store/store';
import { StationError } from './errors';

export interface StepOptions {
  reason?: string;
  /** Checked inside the transaction, against the row as it is now; throw to refuse. */
  precondition?: (row: AppointmentRow) => void;
  /** Extra audit detail (never personal data beyond ids and codes). */
  detail?: Record<string, unknown>;
}

export class WorkflowService {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
    private readonly changed: (date: string) => void,
  ) {}

  /** Takes one named step for an application, or refuses it with the reason. */
  take(officerId: string, roles: readonly Role[], action: WorkflowActionName, appointmentId: string, opts: StepOptions = {}): AppointmentRow {
    const rule = WORKFLOW[action];
    const reason = opts.reason?.trim() || undefined;
    if (rule.reason && !reason) throw new StationError('bad_input', { reason: 'required' }, 'reason');
    const at = this.now().toISOString();
    const before = this.store.tx(() => {
      const cur = this.store.appointments.getById(appointmentId);
      if (!cur) throw new StationError('not_found');
      const check = checkAction(action, cur.status, roles);
      if (check !== 'ok') throw new StationError(check, { from: cur.status, to: rule.to, action });
      opts.precondition?.(cur);
      this.store.appointments.setStatus(appointmentId, cur.status, rule.to, officerId, reason, at, action);
      this.store.audit.append(officerId, `application.${action}`, {
        appointmentId, from: cur.status, to: rule.to, ...(reason ? { reason } : {}), ...opts.detail,
      }, at);
      return cur;
    });
    this.changed(before.appointmentDate);
    const row = this.store.appointments.getById(appointmentId);
    if (!row) throw new StationError('not_found');
    return row;
  }
}
