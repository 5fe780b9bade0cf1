// The fingerprint step of an enrolment, as the station offers it to the screen. Filled in
// by the device integration: until a reader is configured, capture says so.
import type { CaptureView } from '../contract-types';
import { StationError } from './errors';

export interface CaptureActionInput {
  appointmentId: string;
  action: 'retry' | 'skip' | 'accept' | 'select' | 'cancel';
  finger?: string;
  missingReason?: 'amputated' | 'injured' | 'bandaged' | 'other';
  note?: string;
}

export interface CaptureService {
  start(officerId: string, appointmentId: string): Promise<CaptureView> | CaptureView;
  view(appointmentId: string): CaptureView | null;
  action(officerId: string, input: CaptureActionInput): Promise<CaptureView> | CaptureView;
}

export const noCaptureDevice: CaptureService = {
  start() { throw new StationError('device', { key: 'device.fingerprint.not_configured' }); },
  view() { return null; },
  action() { throw new StationError('device', { key: 'device.fingerprint.not_configured' }); },
};
