// The fingerprint step of an enrolment as the handlers see it (fingerprint-capture.ts
// implements it over the configured reader).
import type { CaptureView } from '../contract-types';

export interface CaptureActionInput {
  appointmentId: string;
  action: 'retry' | 'skip' | 'accept' | 'select' | 'cancel';
  finger?: string;
  missingReason?: 'amputated' | 'injured' | 'bandaged' | 'other';
  note?: string;
}

export interface CaptureService {
  /** `flow`: start the first planned finger now, and each next one after a good capture. */
  start(officerId: string, appointmentId: string, flow?: boolean): Promise<CaptureView> | CaptureView;
  view(appointmentId: string): CaptureView | null;
  action(officerId: string, input: CaptureActionInput): Promise<CaptureView> | CaptureView;
  /** The officer leaves the enrolment: the capture's images and templates leave memory. */
  close(appointmentId: string): Promise<null> | null;
  /** The enrolment was submitted: the same, once its fingers are saved. */
  release(appointmentId: string): void;
}
