// How the screens show an application's status (tone and icon beside the word), and the
// steps they offer: the rules themselves live once, in domain/.
import { STATUSES, type AppointmentStatus, type Role } from '../../domain/catalog';
import { availableActions, type WorkflowActionName } from '../../domain/workflow';

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

/** The actions the queue's row menu offers; the others have their own screens (the
 *  enrolment for open/submit, the review for approve/return — it needs the supervisor's
 *  password batch and the content they saw —, the print room for printing and handover). */
const QUEUE_ACTIONS: ReadonlySet<WorkflowActionName> = new Set<WorkflowActionName>(['checkIn', 'undoCheckIn', 'cancel', 'reopen']);

/** The actions an officer may take from the queue: exactly what the station accepts. */
export function queueActions(from: AppointmentStatus, roles: readonly Role[]): WorkflowActionName[] {
  return availableActions(from, roles).filter((n) => QUEUE_ACTIONS.has(n));
}
