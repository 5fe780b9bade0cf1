// The shapes the ZFM driver takes and gives: options, identity, image, and its events.
import type { DeviceMessage } from '../../result';
import type { ZfmSysParams } from './codec';

export interface ZfmDriverOptions {
  address?: number;
  password?: number;
  /** Longest wait for an acknowledge (ms). */
  ackTimeoutMs?: number;
  /** Longest silence between two data packets of an upload (ms). */
  dataTimeoutMs?: number;
  /** LED ring cue: 'auto' probes AuraLedConfig at identify (R50x answer, others do not). */
  led?: 'auto' | 'aura' | 'none';
}

export interface ZfmIdentity {
  model: 'zfm' | 'r50x';
  sysParams: ZfmSysParams;
  templateCount: number;
  hasLedRing: boolean;
}

export interface ZfmImage {
  width: number;
  height: number;
  /** 4 bits per pixel, two pixels per byte, high nibble = left pixel, as the module sends it. */
  packed: Buffer;
}

export interface TraceFrame {
  at: number;
  dir: 'tx' | 'rx';
  bytes: Buffer;
  name: string;
}

export interface CountdownEvent {
  remainingMs: number;
  totalMs: number;
  message: { key: string; params: { seconds: number } };
}

export interface ProgressEvent {
  received: number;
  total: number;
}

export interface ZfmDriverEvents {
  frame: [TraceFrame];
  busy: [boolean];
  /** 'unresponsive' after a timeout, 'ok' on the next good answer. */
  health: ['ok' | 'unresponsive'];
  countdown: [CountdownEvent];
  progress: [ProgressEvent];
  disconnected: [Error | undefined];
  /** What the status line should say while waiting for a finger, and why a wait ended badly. */
  notice: [DeviceMessage];
}

export interface MatchResult {
  matched: boolean;
  score: number;
}

export interface SearchResult {
  found: boolean;
  page: number;
  score: number;
}
