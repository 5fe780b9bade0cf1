// How the screens show an application's status (tone and icon beside the word), and the
// steps they offer: the rules themselves live once, in domain/.
import { allowedSteps, type StatusStep as DomainStep } from '../../domain/appointment-status';
import { hasAnyRole, STATUSES, type AppointmentStatus, type Role } from '../../domain/catalog';

export { STATUSES };

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

/** A step the screen offers: the station's rule, and whether the screen asks once more. */
export interface StatusStep extends DomainStep { needsConfirm?: boolean }

/** Who may call queue.setStatus at all (the contract's access list for it). */
const MAY_SET_STATUS: readonly Role[] = ['counter', 'supervisor'];

/**
 * The next steps an officer may pick from the queue: exactly the station's status rules
 * (domain/appointment-status.ts). Cancelling asks for confirmation, as it takes the
 * applicant out of the day's queue.
 */
export function nextSteps(from: AppointmentStatus, roles: readonly Role[]): readonly StatusStep[] {
  if (!hasAnyRole(roles, MAY_SET_STATUS)) return [];
  return allowedSteps(from, roles).map((s) => (s.to === 'cancelled' ? { ...s, needsConfirm: true } : s));
}
