// The data page printer as the station knows it, whatever carries the job: IPP to the
// printer's URL (drivers/ipp) or the operating system's spooler through Electron (the
// shell). Booklet printers come with their maker's driver and no public protocol, so a
// printer here is "something that takes a PDF of one page and tells how the job ended".
import type { DeviceMessage, Result } from './result';

/** The page size a job needs, as printed (125 × 88 mm for a TD3 data page). */
export interface PageMedia { widthMm: number; heightMm: number }

export interface PrinterStatus {
  state: 'idle' | 'processing' | 'stopped';
  /** What stops the printer now (media jam, door open…), as a sentence; absent when ready. */
  problem?: DeviceMessage;
  /** The raw reasons, for the technician. */
  reasons: string[];
  acceptingJobs: boolean;
  model?: string;
}

/** Whether this printer can take our job at all: PDF, and a 125 × 88 mm page. */
export interface PrinterFitness {
  acceptsPdf: boolean;
  /** The printer's name for the page size, when it has one. */
  media?: string;
  mediaSupported: boolean;
  formats: string[];
  /** Why it cannot print a data page; empty when it can. */
  problems: DeviceMessage[];
}

export type PrintPhase = 'sending' | 'queued' | 'printing' | 'stopped' | 'completed';

export interface PrintProgress {
  phase: PrintPhase;
  jobId?: number;
  /** What the operator should know or do now. */
  message: DeviceMessage;
}

export interface PrintJob {
  pdf: Uint8Array;
  /** Shown in the printer's queue, e.g. the passport number. */
  name: string;
  media: PageMedia;
}

export interface PrintOutcome {
  jobId: number;
  /** Time from the first byte sent until the printer had the whole document. */
  transferMs: number;
  /** Time from the first byte sent until the printer reported the job completed. */
  totalMs: number;
}

export interface DataPagePrinter {
  /** 'ipp' or 'system' (the OS spooler through Electron). */
  readonly kind: string;
  /** Where it is, for traces and the technician ("ipp://10.0.0.5/ipp/print"). */
  readonly address: string;
  status(signal?: AbortSignal): Promise<Result<PrinterStatus>>;
  fitness(media: PageMedia, signal?: AbortSignal): Promise<Result<PrinterFitness>>;
  /**
   * Prints one job and waits until the printer says how it ended. A job that was canceled
   * or aborted (a jam) is an error whose sentence says to check the book.
   */
  print(job: PrintJob, opts?: { signal?: AbortSignal; onProgress?: (p: PrintProgress) => void }): Promise<Result<PrintOutcome>>;
}
