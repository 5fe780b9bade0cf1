// What the stock and print-queue methods return (issue 11). Types only: the renderer imports
// them as types, like contract-types.ts.
import type { BookSeries, BookState, SpoilReason } from '../domain/stock';
import type { Reconciliation } from '../domain/stock-reconciliation';
import type { QcMismatch } from '../domain/print-qc';
import type { AppointmentRow } from './contract-types';

export type { BookSeries, BookState, SpoilReason, Reconciliation, QcMismatch };

export interface StockConfig {
  series: BookSeries[];
  /** Printed passports not collected after this many days are listed for a reminder. */
  uncollectedDays: number;
}

export interface StockOverview extends StockConfig {
  counts: Record<BookState, number>;
  /** The next blank books of each series, lowest first: what the pile should offer. */
  next: { series: string; serials: string[] }[];
}

export interface DeliveryView { id: string; reference: string; series: string; firstSerial: string; lastSerial: string; count: number; receivedAt: string }

export type PrintJobStateView = 'printing' | 'printed' | 'failed' | 'spoiled' | 'released';

/** One attempt to print an application's data page on one book. */
export interface PrintJobView {
  id: string;
  appointmentId: string;
  serial: string;
  state: PrintJobStateView;
  /** The quality check: null not yet made, true passed (the handover requires it), false failed. */
  qcPassed: boolean | null;
  /** The MRZ composed for the page (shown beside what the reader read at the check). */
  mrz: [string, string] | null;
  /** SHA-256 (hex) of the PDF sent to the printer. */
  pdfSha256: string | null;
  /** The passport printer the job went to (the device id), as the operator chose it for the batch. */
  printerId: string | null;
  /** Why the job failed (the printer's sentence), when it did. */
  message?: { key: string; params?: Record<string, string | number> };
  createdAt: string;
  updatedAt: string;
}

export interface PrintQueueItem {
  appointment: AppointmentRow;
  approvedAt: string;
  /** The series whose books fit this passport type. */
  series: string[];
}

export interface PrintQueueView {
  /** Approved applications, oldest approval first. */
  waiting: PrintQueueItem[];
  /** Jobs that need the operator: failed (spoiled or not?), printed and not yet checked, failed the check. */
  open: (PrintJobView & { appointment: AppointmentRow })[];
}

export interface QcView {
  job: PrintJobView;
  passed: boolean;
  /** Field by field where the printed page differs from what was composed. */
  mismatches: QcMismatch[];
}

export interface UncollectedRow {
  appointmentId: string;
  bookingCode: string;
  fullName: string;
  phone: string;
  serial: string;
  printedAt: string;
  days: number;
}
