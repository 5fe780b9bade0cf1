// The life of an application at the office as named actions: which statuses each action
// starts from, where it leads, who may take it, and whether it needs a reason. The station
// takes every step through one of these (each is its own contract method, with its own
// preconditions on top); the screens offer exactly the actions this table allows, so a
// button never offers a step the station would refuse. There is no "set status".
import type { AppointmentStatus, Role } from './catalog';

export interface WorkflowAction {
  from: readonly AppointmentStatus[];
  to: AppointmentStatus;
  roles: readonly Role[];
  /** The officer must say why (kept in the application's history). */
  reason: boolean;
}

const COUNTER: readonly Role[] = ['counter', 'supervisor'];
const SUPERVISOR: readonly Role[] = ['supervisor'];
const PRINT: readonly Role[] = ['print', 'supervisor'];

const act = (from: readonly AppointmentStatus[], to: AppointmentStatus, roles: readonly Role[], reason = false): WorkflowAction => ({ from, to, roles, reason });

export const WORKFLOW = {
  checkIn: act(['booked'], 'checked_in', COUNTER),
  /** A check-in made by mistake (the wrong row, the applicant left before being called). */
  undoCheckIn: act(['checked_in'], 'booked', COUNTER),
  openEnrolment: act(['checked_in'], 'in_enrolment', COUNTER),
  /** Only a complete enrolment (the station decides what complete means). */
  submit: act(['in_enrolment'], 'awaiting_approval', COUNTER),
  approve: act(['awaiting_approval'], 'approved', SUPERVISOR),
  return: act(['awaiting_approval'], 'returned', SUPERVISOR, true),
  /** A returned enrolment, corrected where it stood, goes back for approval. */
  resubmit: act(['returned'], 'awaiting_approval', COUNTER),
  cancel: act(['booked', 'checked_in', 'in_enrolment', 'returned'], 'cancelled', COUNTER, true),
  reopen: act(['cancelled'], 'booked', SUPERVISOR, true),
  // Issuance: a book is taken from stock and printed, checked, then handed over or posted.
  startPrint: act(['approved'], 'printing', PRINT),
  printed: act(['printing'], 'printed', PRINT),
  /** A spoiled book (jam, misprint, failed check): the application waits for a new book. */
  spoil: act(['printing', 'printed'], 'approved', PRINT, true),
  issue: act(['printed'], 'issued', PRINT),
  dispatch: act(['printed'], 'dispatched', PRINT),
  /** A print job that failed without spoiling the book: the application waits in the queue again. */
  requeue: act(['printing'], 'approved', PRINT),
} as const satisfies Record<string, WorkflowAction>;

export type WorkflowActionName = keyof typeof WORKFLOW;
export const WORKFLOW_ACTIONS = Object.keys(WORKFLOW) as WorkflowActionName[];

/** Statuses in which the counter may still change the enrolment's content. */
export const EDITABLE_STATUSES: readonly AppointmentStatus[] = ['in_enrolment', 'returned'];

export type ActionCheck = 'ok' | 'invalid_transition' | 'forbidden';

/** Whether these roles may take the action from this status: the station's own check. */
export function checkAction(name: WorkflowActionName, from: AppointmentStatus, roles: readonly Role[]): ActionCheck {
  const a: WorkflowAction = WORKFLOW[name];
  if (!a.from.includes(from)) return 'invalid_transition';
  return a.roles.some((r) => roles.includes(r)) ? 'ok' : 'forbidden';
}

/** The actions these roles may take from a status, in the table's order. */
export function availableActions(from: AppointmentStatus, roles: readonly Role[]): WorkflowActionName[] {
  return WORKFLOW_ACTIONS.filter((n) => checkAction(n, from, roles) === 'ok');
}
