// The life of an application at the office, and who may move it from one step to the next.
// The station checks every step with these rules; the screens offer exactly the steps they
// allow, so a menu never shows a step the station would refuse.
import type { AppointmentStatus, Role } from './catalog';

export interface StatusStep {
  to: AppointmentStatus;
  roles: readonly Role[];
  /** The step needs a reason from the officer (a cancellation, a return, a reprint). */
  reason?: boolean;
}

const counter: readonly Role[] = ['counter', 'supervisor'];
const supervisor: readonly Role[] = ['supervisor'];
const print: readonly Role[] = ['print', 'supervisor'];

const STEPS: Record<AppointmentStatus, readonly StatusStep[]> = {
  booked: [{ to: 'checked_in', roles: counter }, { to: 'cancelled', roles: counter, reason: true }],
  checked_in: [{ to: 'in_enrolment', roles: counter }, { to: 'booked', roles: counter }, { to: 'cancelled', roles: counter, reason: true }],
  in_enrolment: [{ to: 'awaiting_approval', roles: counter }, { to: 'checked_in', roles: counter }, { to: 'cancelled', roles: counter, reason: true }],
  awaiting_approval: [{ to: 'approved', roles: supervisor }, { to: 'returned', roles: supervisor, reason: true }],
  returned: [{ to: 'in_enrolment', roles: counter }, { to: 'cancelled', roles: counter, reason: true }],
  approved: [{ to: 'printing', roles: print }],
  // A spoiled book goes back to approved for a reprint.
  printing: [{ to: 'printed', roles: print }, { to: 'approved', roles: print, reason: true }],
  printed: [{ to: 'issued', roles: print }, { to: 'dispatched', roles: print }, { to: 'printing', roles: print, reason: true }],
  issued: [],
  dispatched: [],
  cancelled: [{ to: 'booked', roles: supervisor }],
};

/** The steps these roles may take from a status, in the order the screen offers them. */
export function allowedSteps(from: AppointmentStatus, roles: readonly Role[]): readonly StatusStep[] {
  return STEPS[from].filter((s) => s.roles.some((r) => roles.includes(r)));
}

export function nextSteps(from: AppointmentStatus, roles: readonly Role[]): AppointmentStatus[] {
  return allowedSteps(from, roles).map((s) => s.to);
}

export type TransitionCheck = 'ok' | 'invalid_transition' | 'forbidden';

export function checkTransition(from: AppointmentStatus, to: AppointmentStatus, roles: readonly Role[]): TransitionCheck {
  const step = STEPS[from].find((s) => s.to === to);
  if (!step) return 'invalid_transition';
  return step.roles.some((r) => roles.includes(r)) ? 'ok' : 'forbidden';
}
