// Drafts: what an officer types into an enrolment (a typed MRZ, notes, a BAP narrative)
// before confirming it, kept by the station about once a second (the screen debounces) so a
// crash, a reload or a slip of the Esc key loses at most the last second. A draft is only
// text in progress: the step that confirms it writes the enrolment and discards the draft,
// and a submitted enrolment takes its drafts with it. Drafts are not audited (nothing was
// decided) and their text never goes to a log.
import type { DraftView } from '../contract-types';
import type { Store } from '../store/store';
import { EDITABLE_STATUSES } from '../../domain/workflow';
import { StationError } from './errors';
import type { QueueService } from './queue';

export class DraftsService {
  constructor(private readonly store: Store, private readonly queue: QueueService, private readonly now: () => Date) {}

  list(appointmentId: string): DraftView[] {
    this.queue.get(appointmentId);
    return this.store.drafts.list(appointmentId);
  }

  save(officerId: string, appointmentId: string, field: string, text: string): DraftView {
    const status = this.queue.get(appointmentId).status;
    // Typing for an enrolment that was sent on (another window) would be lost silently: say so.
    if (!EDITABLE_STATUSES.includes(status)) throw new StationError('invalid_transition', { reason: 'not_editable', status });
    const updatedAt = this.now().toISOString();
    this.store.tx(() => this.store.drafts.save(appointmentId, field, text, officerId || null, updatedAt));
    return { field, text, updatedAt };
  }

  discard(appointmentId: string, field: string): null {
    this.queue.get(appointmentId);
    this.store.tx(() => this.store.drafts.discard(appointmentId, field));
    return null;
  }

  /** The enrolment went on (submitted): nothing typed for it is in progress any more. */
  discardAll(appointmentId: string): void {
    this.store.tx(() => this.store.drafts.discardAll(appointmentId));
  }
}
