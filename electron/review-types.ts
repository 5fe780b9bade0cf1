// The supervisor's review that crosses the contract: the review queue, one application's
// review with its history and earlier versions, the approval batch, and the counters'
// backlog line. Types only; contract-types.ts re-exports them.
import type { ApplicationStep, AppointmentRow, EnrolmentView } from './contract-types';

/** Why an enrolment came back: a reason code (domain/review.ts) and the supervisor's words. */
export interface ReturnNotice { reason: string; note: string | null; at: string; officerName: string | null }

export interface ReviewQueueRow {
  appointment: AppointmentRow;
  submittedAt: string;
  /** Who sent it for approval (the counter officer who enrolled, or corrected, it). */
  submittedBy: string | null;
  resubmitted: boolean;
}

export interface ReviewQueue {
  /** Oldest submission first. */
  rows: ReviewQueueRow[];
  counts: { waiting: number; resubmitted: number; approvedToday: number; returnedToday: number };
  /** The guard rail: past this many waiting, the counters are told. */
  backlogLimit: number;
}

/** Time spent in the enrolment: the steps of its history, and each screen step as measured. */
export interface EnrolmentTiming {
  checkedInAt: string | null;
  openedAt: string | null;
  submittedAt: string | null;
  checkInToSubmitSeconds: number | null;
  openToSubmitSeconds: number | null;
  /** Seconds the officer spent on each step of the enrolment screen, in the order first seen. */
  steps: { step: string; seconds: number; visits: number }[];
}

/** An earlier version sent back to the counter: its content hash and what it held. */
export interface ReturnedVersion { at: string; reason: string; note: string | null; contentHash: string; officerName: string | null }

export interface ReviewView {
  enrolment: EnrolmentView;
  history: ApplicationStep[];
  timing: EnrolmentTiming;
  returnedVersions: ReturnedVersion[];
  batch: BatchGrantView | null;
  /** The fingerprint quality the station asks for, to mark each score against. */
  fingerprintThreshold: number;
}

/** The supervisor's approval batch as the screen shows it. */
export interface BatchGrantView { expiresAt: string; remaining: number; max: number }

export interface ReviewApproved { appointment: AppointmentRow; batch: BatchGrantView | null }

/** The counters' guard-rail line. */
export interface BacklogView { waiting: number; limit: number; over: boolean }
