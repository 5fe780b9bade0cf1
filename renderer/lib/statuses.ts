// Appointment statuses as the renderer shows them. The list is re-declared here (the
// renderer may import only types from electron/) and checked against the contract's type.
import type { AppointmentStatus, Role } from '../../electron/contract';

export const STATUSES = [
  'booked', 'checked_in', 'in_enrolment', 'awaiting_approval', 'returned', 'approved',
  'printing', 'printed', 'issued', 'dispatched', 'cancelled',
] as const satisfies readonly AppointmentStatus[];

/** Tone drives the colour; the icon and the word always go with it (never colour alone). */
export type Tone = 'waiting' | 'ready' | 'active' | 'problem' | 'done';

export const STATUS_LOOK: Record<AppointmentStatus, { tone: Tone; icon: string }> = {
  booked: { tone: 'waiting', icon: '◷' },
  checked_in: { tone: 'ready', icon: '✓' },
  in_enrolment: { tone: 'active', icon: '✎' },
  awaiting_approval: { tone: 'waiting', icon: '◑' },
  returned: { tone: 'problem', icon: '↩' },
  approved: { tone: 'ready', icon: '✔' },
  printing: { tone: 'active', icon: '▤' },
  printed: { tone: 'ready', icon: '▣' },
  issued: { tone: 'done', icon: '★' },
  dispatched: { tone: 'done', icon: '✉' },
  cancelled: { tone: 'problem', icon: '✖' },
};

interface Step { to: AppointmentStatus; roles: readonly Role[]; needsConfirm?: boolean; reason?: boolean }

const COUNTER: readonly Role[] = ['counter', 'supervisor'];
const SUPERVISOR: readonly Role[] = ['supervisor'];
const PRINT: readonly Role[] = ['print', 'supervisor'];
/** Who may call queue.setStatus at all (the contract's access list for it). */
const MAY_SET_STATUS: readonly Role[] = ['counter', 'supervisor'];

/**
 * The next steps an officer may pick from the queue, mirroring the station's status rules.
 * The station has the final word (invalid_transition, forbidden); this keeps the menu to
 * the steps that will work. Cancelling asks for confirmation; returning asks for a reason.
 */
const NEXT: Record<AppointmentStatus, readonly Step[]> = {
  booked: [{ to: 'checked_in', roles: COUNTER }, { to: 'cancelled', roles: COUNTER, needsConfirm: true, reason: true }],
  checked_in: [
    { to: 'in_enrolment', roles: COUNTER }, { to: 'booked', roles: COUNTER },
    { to: 'cancelled', roles: COUNTER, needsConfirm: true, reason: true },
  ],
  in_enrolment: [
    { to: 'awaiting_approval', roles: COUNTER }, { to: 'checked_in', roles: COUNTER },
    { to: 'cancelled', roles: COUNTER, needsConfirm: true, reason: true },
  ],
  awaiting_approval: [{ to: 'approved', roles: SUPERVISOR }, { to: 'returned', roles: SUPERVISOR, reason: true }],
  returned: [{ to: 'in_enrolment', roles: COUNTER }, { to: 'cancelled', roles: COUNTER, needsConfirm: true, reason: true }],
  approved: [{ to: 'printing', roles: PRINT }],
  printing: [{ to: 'printed', roles: PRINT }, { to: 'approved', roles: PRINT, reason: true }],
  printed: [{ to: 'issued', roles: PRINT }, { to: 'dispatched', roles: PRINT }, { to: 'printing', roles: PRINT, reason: true }],
  issued: [],
  dispatched: [],
  cancelled: [{ to: 'booked', roles: SUPERVISOR }],
};

export function nextSteps(from: AppointmentStatus, roles: readonly Role[]): readonly Step[] {
  if (!MAY_SET_STATUS.some((r) => roles.includes(r))) return [];
  return NEXT[from].filter((s) => s.roles.some((r) => roles.includes(r)));
}

export type { Step as StatusStep };
