// The document scanner as the enrolment needs it, apart from any one scanner: the eSCL
// scanner (escl-scanner.ts) implements it, the enrolment and the handover use it.

export interface ScannedPage { mime: string; bytes: Buffer }
/** What the scanner was actually asked for, chosen from its capabilities. */
export interface ScanUsed { source: 'platen' | 'feeder'; resolution: number; colorMode: 'color' | 'grayscale' | 'black_white' }
export type ScanOutcome = { ok: true; pages: ScannedPage[]; used: ScanUsed } | { ok: false; error: { key: string; params?: Record<string, string | number> } };

/** The document scanner as the enrolment needs it; the device service provides one. */
export interface DocumentScannerPort {
  /** `minResolution`: what the document needs; the scanner's nearest at or above is used. */
  scan(req: { source: 'platen' | 'feeder'; minResolution: number; colorMode: 'color' | 'grayscale' }, signal?: AbortSignal): Promise<ScanOutcome>;
}
