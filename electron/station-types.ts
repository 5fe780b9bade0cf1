// What a host (Electron shell or browser host) sees of the station: it opens one session
// per window or WebSocket connection and forwards calls and events. Hosts know nothing else.
import type { EventName, Result } from './contract';
import type { DataPagePrinter } from '../native/printer';
import type { KeyProtection, QueueCall } from './contract-types';
export type { KeyProtection } from './contract-types';

/** Supplies the 32-byte key that encrypts biometric and document blobs at rest. */
export interface KeyProvider {
  /** Returns the station's data key, creating and persisting it on first use. */
  loadOrCreateKey(dataDir: string): Buffer;
  /** Where the key is kept, for the README/diagnostics (never the key itself). */
  readonly description: string;
  /** How the key is protected now, for the administrator's screen. */
  protection?(dataDir: string): KeyProtection;
  /** An administrator confirmed sealing the key with a weak keychain (basic_text): seal it now. */
  sealWeak?(dataDir: string, key: Buffer, confirmedBy: string, at: string): void;
}


export interface StationOptions {
  dataDir: string;
  keyProvider: KeyProvider;
  /** Fill a demo day: appointments and simulated devices. */
  demo?: boolean;
  /** Simulated devices stand in while the technician has configured none (the quick start). */
  simulators?: boolean;
  /** Path to a better-sqlite3 .node built for this runtime's ABI (Electron), if not the default. */
  sqliteNativeBinding?: string;
  /** An eSCL (AirScan) document scanner, e.g. http://192.168.1.20/eSCL/ (demo: a simulator). */
  scannerUrl?: string;
  /**
   * Printing through the operating system's spooler, by the printer's system name: only the
   * Electron shell can (webContents.print); without it, a 'system-print' printer says so.
   */
  systemPrinter?: (deviceName: string) => DataPagePrinter;
  /** Injected clock for tests. */
  now?: () => Date;
  /**
   * Benches: the simulators take a real device's time — the ZFM module sends at its baud rate
   * (57,600), the scanner takes `scanPageMs` per page. `onFingerprintWire` is handed a reader
   * of the time the module's wire has been busy so far (ms).
   */
  pacedSimulators?: { scanPageMs: number; onFingerprintWire?: (wireMs: () => number) => void };
}

export type EventListener = (event: EventName, payload: unknown) => void;

export interface StationSession {
  /** `requestId`: a repeat of a change with the same id is answered without doing it again (request-ids.ts). */
  call(method: string, input: unknown, requestId?: string): Promise<Result<unknown>>;
  onEvent(listener: EventListener): () => void;
  /** The window or connection went away. */
  close(): void;
}

/** What a host may give a waiting-room display: its token check and the calls, nothing else. */
export interface WaitingRoomFeed {
  valid(token: unknown): boolean;
  recent(): QueueCall[];
  onCalls(listener: (calls: QueueCall[]) => void): () => void;
}

export interface Station {
  readonly stationId: string;
  /** The waiting-room display's feed (read-only, its own token; never a session). */
  readonly waitingRoom?: WaitingRoomFeed;
  openSession(): StationSession;
  close(): Promise<void>;
}
