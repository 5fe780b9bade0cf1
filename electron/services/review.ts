// The supervisor's review: the queue of enrolments awaiting approval, one enrolment with
// everything the decision needs, approval in password-unlocked batches, returns with a
// reason from the list, and the backlog line the counters see. The rules (reasons, batch
// size and time) are in domain/review.ts; the status steps go through the workflow.
import { randomUUID } from 'node:crypto';
import type { Role } from '../contract';
import type {
  ApplicationStep, BacklogView, BatchGrantView, EnrolmentTiming, ReviewApproved, ReviewQueue, ReviewView, AppointmentRow,
} from '../contract-types';
import {
  BATCH_MAX_APPROVALS, grantProblem, newGrant, returnNeedsNote, type BatchGrant, type ReturnReason,
} from '../../domain/review';
import type { Store } from '../store/store';
import type { AuthService } from './auth';
import type { EnrolmentService } from './enrolment';
import { StationError } from './errors';
import type { SessionState } from './session';
import type { SettingsService } from './settings';
import type { WorkflowService } from './workflow';

const seconds = (from: string | null, to: string | null): number | null =>
  from && to ? Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000)) : null;

/** The station's local midnight today, as the instant stored times compare with. */
function localMidnight(now: Date): string {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  return d.toISOString();
}

function grantView(g: BatchGrant | null, nowMs: number, officerId: string | null): BatchGrantView | null {
  if (!g || !officerId || grantProblem(g, officerId, nowMs) === 'batch_needed' || nowMs >= g.expiresAt) return null;
  return { expiresAt: new Date(g.expiresAt).toISOString(), remaining: g.remaining, max: BATCH_MAX_APPROVALS };
}

/** When each part of the enrolment happened, from its history: the last check-in, opening
 *  and submission of the current round (a resubmission counts from its return). */
export function timingOf(history: ApplicationStep[], steps: Record<string, { seconds: number; visits: number }>): EnrolmentTiming {
  const last = (pred: (h: ApplicationStep) => boolean): string | null => history.filter(pred).at(-1)?.at ?? null;
  const submittedAt = last((h) => h.to === 'awaiting_approval');
  const checkedInAt = last((h) => h.to === 'checked_in');
  const openedAt = history.find((h) => h.to === 'in_enrolment' && (!checkedInAt || h.at >= checkedInAt))?.at ?? null;
  return {
    checkedInAt, openedAt, submittedAt,
    checkInToSubmitSeconds: seconds(checkedInAt, submittedAt),
    openToSubmitSeconds: seconds(openedAt, submittedAt),
    steps: Object.entries(steps).map(([step, v]) => ({ step, seconds: v.seconds, visits: v.visits })),
  };
}

export class ReviewService {
  constructor(
    private readonly store: Store,
    private readonly enrolment: EnrolmentService,
    private readonly workflow: WorkflowService,
    private readonly auth: AuthService,
    private readonly settings: SettingsService,
    private readonly now: () => Date,
  ) {}

  queue(): ReviewQueue {
    const rows = this.store.review.awaiting();
    const decided = this.store.review.decidedSince(localMidnight(this.now()));
    return {
      rows,
      counts: { waiting: rows.length, resubmitted: rows.filter((r) => r.resubmitted).length, approvedToday: decided.approved, returnedToday: decided.returned },
      backlogLimit: this.settings.get().reviewBacklogLimit,
    };
  }

  view(session: SessionState, appointmentId: string): ReviewView {
    const enrolment = this.enrolment.view(appointmentId);
    const history = this.store.appointments.history(appointmentId);
    const extra = this.enrolment.reviewData(appointmentId);
    return {
      enrolment,
      history,
      timing: timingOf(history, extra.stepSeconds ?? {}),
      returnedVersions: (extra.returns ?? []).map((r) => ({
        at: r.at, contentHash: r.contentHash, reason: r.reason, note: r.note, officerName: this.store.officers.byId(r.officerId)?.name ?? null,
      })),
      batch: grantView(session.batchGrant, this.now().getTime(), session.officerId),
      fingerprintThreshold: this.settings.get().fingerprintThreshold,
    };
  }

  /** The password again opens a batch: at most 50 approvals within 15 minutes. */
  async unlockBatch(session: SessionState, officerId: string, password: string): Promise<BatchGrantView> {
    try {
      await this.auth.confirmPassword(session, password);
    } catch (err) {
      this.store.tx(() => this.store.audit.append(officerId, 'review.batch_refused', { code: err instanceof StationError ? err.code : 'internal' }, this.now().toISOString()));
      throw err;
    }
    const at = this.now();
    const grant = newGrant(randomUUID(), officerId, at.getTime());
    session.batchGrant = grant;
    this.store.tx(() => this.store.audit.append(officerId, 'review.batch_unlock', {
      batchId: grant.id, expiresAt: new Date(grant.expiresAt).toISOString(), max: grant.remaining,
    }, at.toISOString()));
    return grantView(grant, at.getTime(), officerId)!;
  }

  batch(session: SessionState): BatchGrantView | null {
    return grantView(session.batchGrant, this.now().getTime(), session.officerId);
  }

  /**
   * Approves one enrolment in the live batch, if it is still exactly what the supervisor
   * looked at (the content hash the screen got with the view). Without a live batch, or on
   * a changed enrolment, nothing moves and the refusal says why.
   */
  approve(session: SessionState, officerId: string, roles: Role[], appointmentId: string, shownHash: string): ReviewApproved {
    const grant = session.batchGrant;
    const appointment = this.workflow.take(officerId, roles, 'approve', appointmentId, {
      precondition: () => {
        const problem = grantProblem(grant, officerId, this.now().getTime());
        if (problem) throw new StationError('conflict', { reason: problem });
        // Checked inside the step's transaction: nothing can change it in between.
        if (this.enrolment.view(appointmentId).contentHash !== shownHash) throw new StationError('conflict', { reason: 'changed_since_opened' });
      },
      detail: { batchId: grant?.id ?? '', contentHash: shownHash },
    });
    if (grant) grant.remaining -= 1;
    return { appointment, batch: this.batch(session) };
  }

  /** Sends an enrolment back to the counter with a reason from the list (and the
   *  supervisor's words); the returned version's hash and content are kept. */
  return(officerId: string, roles: Role[], appointmentId: string, reason: ReturnReason, note: string | undefined): AppointmentRow {
    const text = note?.trim() || undefined;
    if (returnNeedsNote(reason) && !text) throw new StationError('bad_input', { reason: 'note_required' }, 'note');
    const at = this.now().toISOString();
    return this.workflow.take(officerId, roles, 'return', appointmentId, {
      reason,
      // Kept in the step's transaction, after the workflow allowed it.
      precondition: () => this.enrolment.keepReturnedVersion(appointmentId, { at, reason, note: text ?? null, officerId }),
      ...(text ? { detail: { note: text } } : {}),
    });
  }

  backlog(): BacklogView {
    const waiting = this.store.review.countAwaiting();
    const limit = this.settings.get().reviewBacklogLimit;
    return { waiting, limit, over: waiting > limit };
  }
}
