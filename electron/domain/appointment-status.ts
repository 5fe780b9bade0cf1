// The life of an application at the office, and who may move it from one step to the next.
import type { AppointmentStatus, Role } from '../contract';

interface Step { to: AppointmentStatus; roles: readonly Role[] }

const counter: readonly Role[] = ['counter', 'supervisor'];
const supervisor: readonly Role[] = ['supervisor'];
const print: readonly Role[] = ['print', 'supervisor'];

const STEPS: Record<AppointmentStatus, readonly Step[]> = {
  booked: [{ to: 'checked_in', roles: counter }, { to: 'cancelled', roles: counter }],
  checked_in: [{ to: 'in_enrolment', roles: counter }, { to: 'booked', roles: counter }, { to: 'cancelled', roles: counter }],
  in_enrolment: [{ to: 'awaiting_approval', roles: counter }, { to: 'checked_in', roles: counter }, { to: 'cancelled', roles: counter }],
  awaiting_approval: [{ to: 'approved', roles: supervisor }, { to: 'returned', roles: supervisor }],
  returned: [{ to: 'in_enrolment', roles: counter }, { to: 'cancelled', roles: counter }],
  approved: [{ to: 'printing', roles: print }],
  // A spoiled book goes back to approved for a reprint.
  printing: [{ to: 'printed', roles: print }, { to: 'approved', roles: print }],
  printed: [{ to: 'issued', roles: print }, { to: 'dispatched', roles: print }, { to: 'printing', roles: print }],
  issued: [],
  dispatched: [],
  cancelled: [{ to: 'booked', roles: supervisor }],
};

export function nextSteps(from: AppointmentStatus, roles: readonly Role[]): AppointmentStatus[] {
  return STEPS[from].filter((s) => s.roles.some((r) => roles.includes(r))).map((s) => s.to);
}

export type TransitionCheck = 'ok' | 'invalid_transition' | 'forbidden';

export function checkTransition(from: AppointmentStatus, to: AppointmentStatus, roles: readonly Role[]): TransitionCheck {
  const step = STEPS[from].find((s) => s.to === to);
  if (!step) return 'invalid_transition';
  return step.roles.some((r) => roles.includes(r)) ? 'ok' : 'forbidden';
}
