// The ESC/POS receipt printer over any Transport: a serial line (USB-serial adapters, the
// printer's own RS-232), the Linux USB printer class (/dev/usb/lp*), or a raw Windows
// spooler queue (file-transport.ts). Printing is a write; the real-time status (DLE EOT)
// is a question the printer answers at once, even while its buffer is full or it is
// offline, so it is asked before every receipt and the answer becomes a sentence.
import { EventEmitter } from 'node:events';
import { DEVICE_KEYS, fail, ok } from '../../result';
import type { DeviceMessage, Result } from '../../result';
import { ExchangeLock, FrameInbox } from '../../transport/exchange';
import type { Transport } from '../../transport/transport';
import { realtimeStatus } from './escpos-codec';
import type { StatusQuery } from './escpos-codec';
import { ESCPOS_KEYS } from './escpos-keys';
import { blocksPrinting, decodeStatus, isStatusByte, statusProblems } from './escpos-status';
import type { EscPosProblem, EscPosStatus } from './escpos-status';

export interface EscPosPrinterOptions {
  /** How long one DLE EOT answer may take (ms). Printers answer within a few ms. */
  statusTimeoutMs?: number;
  /**
   * False where the link carries nothing back (a spooler queue, a write-only lp node):
   * status is then unknown and printing goes ahead.
   */
  bidirectional?: boolean;
  /** Bytes per write, so a long receipt never fills a slow serial line's buffer at once. */
  chunkBytes?: number;
}

export interface EscPosStatusReport {
  /** Undefined where the link cannot tell. */
  status?: EscPosStatus;
  problems: EscPosProblem[];
  /** The sentence for the status line: the most urgent problem, or ready / no status. */
  message: DeviceMessage;
}

const QUERY_NAMES: Record<StatusQuery, string> = { 1: 'DLE EOT 1 (printer)', 2: 'DLE EOT 2 (offline cause)', 3: 'DLE EOT 3 (error cause)', 4: 'DLE EOT 4 (paper)' };

export class EscPosPrinter extends EventEmitter {
  private transport: Transport | undefined;
  private readonly lock = new ExchangeLock();
  private readonly inbox = new FrameInbox<number>();
  private readonly statusTimeoutMs: number;
  private readonly chunkBytes: number;
  private readonly configuredBidirectional: boolean | undefined;
  private linkBidirectional = true;

  private readonly onData = (bytes: Buffer): void => {
    this.emit('frame', { dir: 'rx', bytes, name: bytes.length === 1 && isStatusByte(bytes[0]!) ? `status 0x${bytes[0]!.toString(16)}` : 'bytes', at: Date.now() });
    // Only bytes with the fixed status pattern are answers; anything else (an automatic
    // status block, line noise) is not what DLE EOT asked for.
    for (const b of bytes) if (isStatusByte(b)) this.inbox.push(b);
  };
  private readonly onClose = (): void => this.inbox.fail(fail('disconnected', DEVICE_KEYS.disconnected, { address: this.transport?.address ?? '' }));

  constructor(opts: EscPosPrinterOptions = {}) {
    super();
    this.statusTimeoutMs = opts.statusTimeoutMs ?? 1000;
    this.configuredBidirectional = opts.bidirectional;
    this.chunkBytes = opts.chunkBytes ?? 1024;
    this.lock.onBusyChange = (busy) => this.emit('busy', busy);
  }

  /** Whether status answers can come back on the current link. */
  get bidirectional(): boolean {
    return this.configuredBidirectional ?? this.linkBidirectional;
  }

  attach(transport: Transport): void {
    this.detach();
    this.transport = transport;
    // A write-only link (a USB printer-class node, a spooler queue) carries no DLE EOT answers.
    this.linkBidirectional = !(transport as Transport & { writeOnly?: boolean }).writeOnly;
    transport.on('data', this.onData);
    transport.on('close', this.onClose);
  }

  detach(): void {
    this.transport?.off('data', this.onData);
    this.transport?.off('close', this.onClose);
    this.transport = undefined;
  }

  /** Asks DLE EOT 1, 2 and 4 and says what they mean. */
  status(): Promise<Result<EscPosStatusReport>> {
    return this.lock.run(() => this.readStatus());
  }

  /**
   * Prints `job` (a whole receipt, from ESC @ to the cut) unless the printer reports a
   * problem that stops printing; the error carries that problem's sentence. A
   * paper-near-end warning comes back with the success.
   */
  print(job: Buffer): Promise<Result<EscPosStatusReport>> {
    return this.lock.run(async () => {
      const before = await this.readStatus();
      if (!before.ok) return before;
      const stopper = before.value.problems.find(blocksPrinting);
      if (stopper) return fail('rejected', ESCPOS_KEYS[stopper], undefined, `status before printing: ${before.value.problems.join(', ')}`);
      for (let i = 0; i < job.length; i += this.chunkBytes) {
        const w = await this.write(job.subarray(i, i + this.chunkBytes), i === 0 ? 'receipt' : 'receipt (continued)');
        if (!w.ok) return w;
      }
      return ok(before.value);
    });
  }

  private async readStatus(): Promise<Result<EscPosStatusReport>> {
    if (!this.transport?.isOpen) return fail('disconnected', DEVICE_KEYS.disconnected, { address: this.transport?.address ?? '' });
    if (!this.bidirectional) return ok({ problems: [], message: { key: ESCPOS_KEYS.noStatus, params: { address: this.transport.address } } });
    const answers: number[] = [];
    for (const n of [1, 2, 4] as const) {
      this.inbox.clear();
      const w = await this.write(realtimeStatus(n), QUERY_NAMES[n]);
      if (!w.ok) return w;
      const b = await this.inbox.next({ timeoutMs: this.statusTimeoutMs });
      if (!b.ok) {
        if (b.error.code === 'timeout') {
          this.emit('health', 'unresponsive');
          return fail('timeout', ESCPOS_KEYS.notReceiptPrinter, { address: this.transport.address }, `no answer to ${QUERY_NAMES[n]} within ${this.statusTimeoutMs} ms`);
        }
        return b;
      }
      answers.push(b.value);
    }
    this.emit('health', 'ok');
    const status = decodeStatus(answers[0]!, answers[1]!, answers[2]!);
    const problems = statusProblems(status);
    const first = problems[0];
    return ok({ status, problems, message: { key: first ? ESCPOS_KEYS[first] : ESCPOS_KEYS.ready } });
  }

  private async write(bytes: Buffer, name: string): Promise<Result<void>> {
    const t = this.transport;
    if (!t?.isOpen) return fail('disconnected', DEVICE_KEYS.disconnected, { address: t?.address ?? '' });
    this.emit('frame', { dir: 'tx', bytes, name, at: Date.now() });
    try {
      await t.write(bytes);
      return ok(undefined);
    } catch (err) {
      return fail('io', DEVICE_KEYS.io, { address: t.address, detail: (err as Error).message }, (err as Error).message);
    }
  }
}
