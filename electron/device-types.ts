// The devices' shapes that cross the contract: device slots (status bar), the fingerprint
// capture, the technician's device settings and traces, data page printers, and eSCL
// scanners on the network. Types only; contract-types.ts re-exports them.
import type { FingerName, FingerprintInfo } from './contract-types';
import type { ListedPort as ListedPortView } from '../native/transport/port-list';

export type DeviceKind = 'fingerprint' | 'mrz' | 'barcode' | 'document_scanner' | 'printer' | 'camera';
export type DeviceState = 'not_configured' | 'connecting' | 'connected' | 'busy' | 'unresponsive' | 'disconnected' | 'error';

export interface DeviceSlot {
  id: string;
  kind: DeviceKind;
  label: string;
  driver: string;
  state: DeviceState;
  simulated: boolean;
  /** A translation key with params: the sentence that says what to do. */
  message?: { key: string; params?: Record<string, string | number> };
}

// ---- fingerprint capture --------------------------------------------------------------------

export type CaptureState = 'idle' | 'waiting_finger' | 'transferring' | 'scoring' | 'review' | 'done' | 'error';

export interface CaptureFinger extends Omit<FingerprintInfo, 'status'> {
  /** needs_decision: the last attempt is used and the best is below the threshold. */
  status: FingerprintInfo['status'] | 'needs_decision';
  attemptsLeft: number;
  /** Another slot whose print this capture matched (the same finger presented twice). */
  duplicateOf?: FingerName;
}

/** The whole capture as the fingerprint step shows it; pushed again on every change. */
export interface CaptureView {
  appointmentId: string;
  deviceId: string | null;
  state: CaptureState;
  current: FingerName | null;
  threshold: number;
  maxAttempts: number;
  fingers: CaptureFinger[];
  /** The latest image (8-bit grayscale PNG) and its score, for the live view. */
  image: { pngBase64: string; score: number; finger: FingerName } | null;
  /** GenImg countdown while waiting for the finger. */
  secondsLeft: number | null;
  /** Image transfer progress, 0..1. */
  progress: number | null;
  /** What to tell the officer now (a translation key). */
  message: { key: string; params?: Record<string, string | number> } | null;
}

// ---- device settings (technician) ----------------------------------------------------------------

export type DevicePort =
  | { kind: 'path'; path: string; baudRate?: number }
  | { kind: 'usb'; vendorId: number; productId: number; serialNumber?: string; baudRate?: number }
  | { kind: 'sim'; name: string }
  | { kind: 'url'; url: string };

export interface DeviceView {
  id: string;
  kind: DeviceKind;
  driver: string;
  label: string;
  port: DevicePort;
  settings: Record<string, unknown>;
  status: DeviceSlot;
  address?: string;
  identity?: Record<string, string | number | boolean>;
}

/** A port the system lists (serialport / node-hid), as the device layer reports it. */
export type { ListedPort as ListedPortView } from '../native/transport/port-list';

export interface DevicesOverview {
  devices: DeviceView[];
  ports: ListedPortView[];
  /** Listings that failed, in words for the technician (e.g. "serial: udevadm not found"). */
  problems: string[];
  drivers: { name: string; kind: DeviceKind; simulator?: string }[];
}

export interface DeviceTestResult {
  ok: boolean;
  identity?: Record<string, string | number | boolean>;
  checks: { name: string; ok: boolean; detail?: string }[];
  message?: { key: string; params?: Record<string, string | number> };
}

export interface TraceEntryView { at: number; dir: 'tx' | 'rx'; hex: string; name: string }
export interface TraceView { entries: TraceEntryView[]; paused: boolean }

// ---- data page printers (technician) ---------------------------------------------------------

/** A test page as a given printer would get it (its offsets applied), for the PDF preview. */
export interface PrinterPageView {
  pdfBase64: string;
  offset: { x: number; y: number };
  /** The sample applicant's MRZ (printed on both test pages). */
  mrz: [string, string];
}

export interface PrinterPrintResult {
  ok: boolean;
  jobId?: number;
  totalMs?: number;
  /** How it ended, as a sentence key: printed, or what to do (jam, no books…). */
  message: { key: string; params?: Record<string, string | number> };
}

// ---- eSCL document scanners on the network (technician) --------------------------------------

/** The certificate an https scanner presents, for the technician to compare and confirm. */
export type { PeerCertificate as ScannerCertificateView } from '../native/drivers/escl/pinned-https';

/** One eSCL scanner announced by mDNS (`_uscan._tcp` / `_uscans._tcp`), as the discovery reads it. */
export type { DiscoveredScanner as DiscoveredScannerView } from '../native/drivers/escl/escl-discovery';
