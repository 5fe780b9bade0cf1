// The shapes the GT-521 driver takes and gives: options, identity, and its events.
import type { DeviceMessage } from '../../result';
import type { DeviceInfo } from './codec';
import type { Gt521Model } from './constants';

export interface Gt521DriverOptions {
  /** Longest wait for a response packet (ms). */
  ackTimeoutMs?: number;
  /** Longest silence inside a data packet (ms): a 52 KB image keeps arriving for seconds. */
  dataTimeoutMs?: number;
  /** The line speed for the module's work; images are slow below it (default 115,200; 0 keeps the boot speed). */
  fastBaud?: number;
  /** The slot `compare` borrows for one template (default: the module's last slot). */
  scratchSlot?: number;
}

export interface Gt521Identity {
  model: Gt521Model;
  capacity: number;
  enrolled: number;
  /** The line speed after identify (the module boots at 9600). */
  baudRate: number;
  info: DeviceInfo;
}

export interface TraceFrame {
  at: number;
  dir: 'tx' | 'rx';
  bytes: Buffer;
  name: string;
}

export interface Gt521DriverEvents {
  frame: [TraceFrame];
  busy: [boolean];
  /** 'unresponsive' after a timeout, 'ok' on the next good answer. */
  health: ['ok' | 'unresponsive'];
  disconnected: [Error | undefined];
  /** What the status line should say while waiting for a finger, and why a wait ended badly. */
  notice: [DeviceMessage];
}
