// Plain data shapes that cross the contract. Types only: the renderer imports them freely.
import type { AppointmentStatus, Role } from './contract';

export interface SetupStatus {
  needsFirstAdmin: boolean;
  stationId: string;
  version: string;
  /** Today's date at the station (YYYY-MM-DD, local time): the queue opens on it. */
  today: string;
}

export interface SessionInfo {
  state: 'active' | 'locked';
  officerId: string;
  name: string;
  nip: string;
  roles: Role[];
  language: 'id' | 'en';
  idleLockMinutes: number;
}

export interface OfficerRow {
  id: string;
  name: string;
  nip: string;
  roles: Role[];
  disabled: boolean;
  language: 'id' | 'en';
  lockedUntil: string | null;
  createdAt: string;
}

export interface StationSettings {
  idleLockMinutes: number;
  maxFailedLogins: number;
  lockoutMinutes: number;
}

export interface AppointmentRow {
  id: string;
  bookingCode: string;
  nik: string;
  fullName: string;
  birthPlace: string;
  birthDate: string;
  sex: 'M' | 'F';
  service: string;
  passportType: 'ordinary' | 'electronic';
  appointmentDate: string;
  timeSlot: string;
  paymentStatus: 'paid' | 'unpaid';
  billingCode: string;
  phone: string;
  status: AppointmentStatus;
  priority: string[];
  walkIn: boolean;
  updatedAt: string;
}

export interface QueueView {
  rows: AppointmentRow[];
  /** Count per status for the whole day, independent of the filters. */
  counts: Partial<Record<AppointmentStatus, number>>;
  total: number;
  slots: string[];
  /** Number of rows matching the filters (rows may be capped by limit). */
  matched: number;
}

export interface ImportIssue {
  row: number;
  field: string;
  /** Stable code the renderer translates, e.g. "nik_birthdate_mismatch". */
  code: string;
  value?: string;
}

export interface ImportPreview {
  format: 'csv' | 'json';
  totalRows: number;
  validRows: number;
  invalidRows: number;
  /** Rows already in the store unchanged (importing them again changes nothing). */
  unchangedRows: number;
  issues: ImportIssue[];
  /** A problem with the file as a whole (not a table, unknown columns…). */
  fileError?: { code: string; params?: Record<string, string | number> };
}

export interface ImportResult {
  inserted: number;
  updated: number;
  unchanged: number;
  skippedInvalid: number;
}

export interface AuditRow {
  seq: number;
  at: string;
  officerId: string | null;
  officerName: string | null;
  action: string;
  detail: Record<string, unknown>;
}

export interface AuditVerifyResult {
  ok: boolean;
  rows: number;
  /** First sequence number whose hash does not follow from the chain. */
  brokenAt?: number;
}

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
