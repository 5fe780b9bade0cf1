// The ADH-Tech GT-521F32 / GT-521F52 driver: twelve-byte commands over a Transport, one
// exchange at a time, every wait time-limited, every failure a Result with a translation
// key. The module boots at 9600 baud; identify switches it (and the line) to 115,200 so a
// 52 KB image takes 4.5 s instead of 54. It is a FingerprintReader (gt521-reader.ts maps
// the interface onto the module's commands).
//
// Like the ZFM driver it outlives its transport: the manager attaches a fresh one after a
// replug (the module then boots at 9600 again, and identify finds it there).
import { EventEmitter } from 'node:events';
import { sleep } from '../../transport/exchange';
import { FramedLink } from '../../transport/framed-link';
import type { Transport } from '../../transport/transport';
import { fail, ok } from '../../result';
import type { Result } from '../../result';
import { redactBiometric } from '../../trace-redact';
import type {
  CaptureOptions, FingerprintCapabilities, FingerprintImage, FingerprintReader, FingerprintTemplate, MatchOutcome, SelfTestCheck,
} from '../fingerprint-reader';
import { describePacket, encodeCommand, encodeDataPacket, readDeviceInfo, setTemplateParameter } from './codec';
import type { DeviceInfo, Gt521Packet } from './codec';
import {
  ACK, BAUD_RATES, CAPACITY, CMD, DEVINFO_BYTES, FAST_BAUD, GT521_PPI, IMAGE, IMAGE_BYTES, NACK, NACK_CODE, RAW_IMAGE, RAW_IMAGE_BYTES,
  TEMPLATE_BYTES, commandName,
} from './constants';
import type { Gt521Model } from './constants';
import { Gt521Decoder } from './decoder';
import type { Gt521Decoded } from './decoder';
import type { Gt521DriverEvents, Gt521DriverOptions, Gt521Identity } from './driver-types';
import { gt521Capabilities, gt521Capture, gt521Compare, gt521ExtractTemplate } from './gt521-reader';
import { nackKey } from './messages';
import { gt521SelfTest } from './selftest';

export type { Gt521DriverOptions, Gt521Identity, Gt521DriverEvents, TraceFrame } from './driver-types';

type Frame =
  | { type: 'packet'; packet: Gt521Packet }
  | { type: 'data'; data: Buffer }
  | { type: 'progress'; received: number; total: number };

interface CommandOptions {
  timeoutMs?: number;
  /** Bytes of the data packet that follows an ACK (Open with extra info, GetImage…). */
  expectData?: number;
  signal?: AbortSignal;
}

/** A data packet starts 0x5A 0xA5, then the device id (2 bytes): that header stays in the trace. */
const DATA_START = 0x5a;
const DATA_HEADER_BYTES = 4;

export class Gt521Driver extends EventEmitter<Gt521DriverEvents> implements FingerprintReader {
  private readonly decoder = new Gt521Decoder();
  // Progress items of one image can queue up before the exchange reads them.
  private readonly link: FramedLink<Gt521Decoded, Frame> = new FramedLink<Gt521Decoded, Frame>(this.decoder, 1024, {
    decoded: (d) => this.onDecoded(d),
    sent: (f) => this.emit('frame', { dir: 'tx', ...f }),
    busy: (b) => this.emit('busy', b),
    health: (h) => this.emit('health', h),
    disconnected: (reason) => this.emit('disconnected', reason),
  });
  private readonly inbox = this.link.inbox;
  private readonly lock = this.link.lock;
  private readonly ackTimeoutMs: number;
  private readonly dataTimeoutMs: number;
  private readonly fastBaud: number;
  private readonly scratchOverride: number | undefined;
  private lastCommand = 0;
  /** The line's speed as far as the driver knows (undefined until it set one). */
  private lineBaud: number | undefined;
  /** What the last identify learnt. */
  identity: Gt521Identity | undefined;

  constructor(opts: Gt521DriverOptions = {}) {
    super();
    this.ackTimeoutMs = opts.ackTimeoutMs ?? 2000;
    this.dataTimeoutMs = opts.dataTimeoutMs ?? 1500;
    this.fastBaud = opts.fastBaud ?? FAST_BAUD;
    this.scratchOverride = opts.scratchSlot;
  }

  private get transport(): Transport | undefined {
    return this.link.transport;
  }

  get connected(): boolean {
    return this.link.connected;
  }

  get busy(): boolean {
    return this.lock.busy;
  }

  get capacity(): number {
    return this.identity?.capacity ?? CAPACITY.f52;
  }

  /** The slot `compare` borrows: the last one, which enrolment on the station never uses. */
  get scratchSlot(): number {
    return this.scratchOverride ?? this.capacity - 1;
  }

  /** Takes an open transport; a previous one is let go (not closed). A fresh link starts at boot speed. */
  attach(transport: Transport): void {
    this.link.attach(transport);
    this.lineBaud = undefined;
  }

  detach(): void {
    this.link.detach();
  }

  // ---- the FingerprintReader interface ----

  get capabilities(): FingerprintCapabilities {
    return gt521Capabilities(this.identity?.model ?? 'f52');
  }

  capture(opts: CaptureOptions = {}): Promise<Result<FingerprintImage>> {
    return gt521Capture(this, opts);
  }

  extractTemplate(): Promise<Result<FingerprintTemplate>> {
    return gt521ExtractTemplate(this);
  }

  compare(a: FingerprintTemplate, b: FingerprintTemplate): Promise<Result<MatchOutcome>> {
    return gt521Compare(this, a, b);
  }

  selfTest(): Promise<SelfTestCheck[]> {
    return gt521SelfTest(this);
  }

  /** Runs several commands as one exchange nobody can interleave (capture, compare). */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    return this.lock.run(fn);
  }

  // ---- public commands: each takes the lock for its whole exchange ----

  /** Open (finding the module's speed if it is not the line's), the fast speed, count and model. */
  identify(): Promise<Result<Gt521Identity>> {
    return this.lock.run(() => this.doIdentify());
  }

  open(): Promise<Result<DeviceInfo>> {
    return this.lock.run(() => this.doOpen());
  }

  closeModule(): Promise<Result<void>> {
    return this.lock.run(async () => this.expectOk(await this.command(CMD.Close, 0)));
  }

  cmosLed(on: boolean): Promise<Result<void>> {
    return this.lock.run(() => this.doLed(on));
  }

  /** ChangeBaudrate: the ACK comes at the old speed, then module and line both move. */
  changeBaudrate(baud: number): Promise<Result<void>> {
    return this.lock.run(() => this.doChangeBaud(baud));
  }

  enrollCount(): Promise<Result<number>> {
    return this.lock.run(() => this.doParameter(CMD.GetEnrollCount, 0));
  }

  /** Whether a slot holds a template (NACK "is not used" is a plain no). */
  checkEnrolled(id: number): Promise<Result<boolean>> {
    return this.lock.run(async () => {
      const r = await this.command(CMD.CheckEnrolled, id);
      if (!r.ok) return r;
      if (r.value.code === ACK) return ok(true);
      if (r.value.parameter === NACK_CODE.isNotUsed) return ok(false);
      return this.rejected(r.value.parameter);
    });
  }

  enrollStart(id: number): Promise<Result<void>> {
    return this.lock.run(async () => this.expectOk(await this.command(CMD.EnrollStart, id)));
  }

  /** Enroll1/2/3 from the image CaptureFinger took; NACK with a slot number = a duplicate. */
  enroll(step: 1 | 2 | 3): Promise<Result<void>> {
    const code = step === 1 ? CMD.Enroll1 : step === 2 ? CMD.Enroll2 : CMD.Enroll3;
    return this.lock.run(async () => this.expectOk(await this.command(code, 0, { timeoutMs: this.ackTimeoutMs * 2 })));
  }

  /** IsPressFinger: the module answers parameter 0 while a finger is on the sensor. */
  isPressFinger(): Promise<Result<boolean>> {
    return this.lock.run(() => this.doIsPressFinger());
  }

  deleteId(id: number): Promise<Result<void>> {
    return this.lock.run(async () => this.expectOk(await this.command(CMD.DeleteID, id)));
  }

  deleteAll(): Promise<Result<void>> {
    return this.lock.run(async () => this.expectOk(await this.command(CMD.DeleteAll, 0)));
  }

  /** 1:1 of the captured finger against a slot; "verify failed" is a value. */
  verify(id: number): Promise<Result<MatchOutcome>> {
    return this.lock.run(async () => this.matchAnswer(await this.command(CMD.Verify, id, { timeoutMs: this.ackTimeoutMs * 2 }), NACK_CODE.verifyFailed));
  }

  /** 1:N of the captured finger; not found is a value. */
  identifyFinger(): Promise<Result<{ found: boolean; id: number }>> {
    return this.lock.run(async () => this.identifyAnswer(await this.command(CMD.Identify, 0, { timeoutMs: this.ackTimeoutMs * 2 })));
  }

  /** 1:1 of a template (sent as data) against a slot. */
  verifyTemplate(id: number, template: Uint8Array): Promise<Result<MatchOutcome>> {
    return this.lock.run(() => this.doVerifyTemplate(id, template));
  }

  identifyTemplate(template: Uint8Array): Promise<Result<{ found: boolean; id: number }>> {
    return this.lock.run(async () => {
      const sent = await this.commandWithData(CMD.IdentifyTemplate, 0, template);
      return sent.ok ? this.identifyAnswer(sent) : sent;
    });
  }

  /** CaptureFinger: the image stays in the module for GetImage, MakeTemplate, Enroll… */
  captureFinger(best = true): Promise<Result<void>> {
    return this.lock.run(() => this.doCaptureFinger(best));
  }

  makeTemplate(): Promise<Result<Buffer>> {
    return this.lock.run(() => this.doMakeTemplate());
  }

  /** GetImage: the captured image, 258 × 202 × 8 bits, with progress per arriving chunk. */
  getImage(opts: { signal?: AbortSignal; onProgress?: (received: number, total: number) => void } = {}): Promise<Result<FingerprintImage>> {
    return this.lock.run(() => this.doGetImage(opts));
  }

  /** GetRawImage: a live frame, 160 × 120 (a QVGA view subsampled 2:1, so half the resolution). */
  getRawImage(opts: { signal?: AbortSignal } = {}): Promise<Result<FingerprintImage>> {
    return this.lock.run(async () => {
      const r = this.expectAck(await this.command(CMD.GetRawImage, 0, { expectData: RAW_IMAGE_BYTES, signal: opts.signal }));
      if (!r.ok) return r;
      const data = await this.receiveData(RAW_IMAGE_BYTES, opts.signal);
      if (!data.ok) return data;
      return ok({ ...RAW_IMAGE, pixels: new Uint8Array(data.value), ppi: GT521_PPI / 2 });
    });
  }

  getTemplate(id: number): Promise<Result<Buffer>> {
    return this.lock.run(async () => {
      const r = this.expectAck(await this.command(CMD.GetTemplate, id, { expectData: TEMPLATE_BYTES }));
      if (!r.ok) return r;
      return this.receiveData(TEMPLATE_BYTES);
    });
  }

  setTemplate(id: number, template: Uint8Array, duplicateCheck = true): Promise<Result<void>> {
    return this.lock.run(() => this.doSetTemplate(id, template, duplicateCheck));
  }

  // ---- the work itself, for callers already holding the lock (gt521-reader.ts) ----

  doLed(on: boolean): Promise<Result<void>> {
    return this.command(CMD.CmosLed, on ? 1 : 0).then((r) => this.expectOk(r));
  }

  async doIsPressFinger(): Promise<Result<boolean>> {
    const r = this.expectAck(await this.command(CMD.IsPressFinger, 0));
    return r.ok ? ok(r.value.parameter === 0) : r;
  }

  async doCaptureFinger(best: boolean): Promise<Result<void>> {
    // A best-quality capture takes the module noticeably longer than a quick one.
    return this.expectOk(await this.command(CMD.CaptureFinger, best ? 1 : 0, { timeoutMs: this.ackTimeoutMs * 2 }));
  }

  async doMakeTemplate(): Promise<Result<Buffer>> {
    const r = this.expectAck(await this.command(CMD.MakeTemplate, 0, { expectData: TEMPLATE_BYTES, timeoutMs: this.ackTimeoutMs * 2 }));
    if (!r.ok) return r;
    return this.receiveData(TEMPLATE_BYTES);
  }

  async doGetImage(opts: { signal?: AbortSignal; onProgress?: (received: number, total: number) => void } = {}): Promise<Result<FingerprintImage>> {
    const r = this.expectAck(await this.command(CMD.GetImage, 0, { expectData: IMAGE_BYTES, signal: opts.signal }));
    if (!r.ok) return r;
    const data = await this.receiveData(IMAGE_BYTES, opts.signal, opts.onProgress);
    if (!data.ok) return data;
    return ok({ ...IMAGE, pixels: new Uint8Array(data.value), ppi: GT521_PPI });
  }

  async doSetTemplate(id: number, template: Uint8Array, duplicateCheck: boolean): Promise<Result<void>> {
    const r = await this.commandWithData(CMD.SetTemplate, setTemplateParameter(id, duplicateCheck), template);
    return r.ok ? this.expectOk(r) : r;
  }

  async doVerifyTemplate(id: number, template: Uint8Array): Promise<Result<MatchOutcome>> {
    const r = await this.commandWithData(CMD.VerifyTemplate, id, template);
    return r.ok ? this.matchAnswer(r, NACK_CODE.verifyFailed) : r;
  }

  async doDeleteId(id: number): Promise<Result<void>> {
    return this.expectOk(await this.command(CMD.DeleteID, id));
  }

  emitNotice(key: string, params?: Record<string, string | number>): void {
    this.emit('notice', params ? { key, params } : { key });
  }

  // ---- identify ----

  private async doIdentify(): Promise<Result<Gt521Identity>> {
    let info = await this.doOpen();
    if (!info.ok && (info.error.code === 'timeout' || info.error.code === 'protocol') && this.transport?.setBaudRate) {
      // A module keeps the speed it was switched to until it loses power: after a restart
      // of the station it may still be at 115,200 while the line opened at 9600.
      for (const baud of [...BAUD_RATES].reverse()) {
        if (baud === this.lineBaud) continue;
        await this.setLineBaud(baud);
        info = await this.doOpen(Math.min(600, this.ackTimeoutMs));
        if (info.ok || info.error.code === 'disconnected') break;
      }
    }
    if (!info.ok) {
      if (info.error.code === 'timeout') return fail('timeout', 'device.gt521.not_gt521', undefined, info.error.detail);
      return info;
    }
    if (this.fastBaud && this.lineBaud !== this.fastBaud) {
      const moved = await this.doChangeBaud(this.fastBaud);
      if (!moved.ok) return moved;
    }
    const enrolled = await this.doParameter(CMD.GetEnrollCount, 0);
    if (!enrolled.ok) return enrolled;
    // Only the F52 has slot 2999: the F32 calls it an invalid position.
    const probe = await this.command(CMD.CheckEnrolled, CAPACITY.f52 - 1);
    if (!probe.ok) return probe;
    const model: Gt521Model = probe.value.code === NACK && probe.value.parameter === NACK_CODE.invalidPos ? 'f32' : 'f52';
    this.identity = { model, capacity: CAPACITY[model], enrolled: enrolled.value, baudRate: this.lineBaud ?? 0, info: info.value };
    return ok(this.identity);
  }

  private async doOpen(timeoutMs?: number): Promise<Result<DeviceInfo>> {
    const r = this.expectAck(await this.command(CMD.Open, 1, { expectData: DEVINFO_BYTES, ...(timeoutMs ? { timeoutMs } : {}) }));
    if (!r.ok) return r;
    const data = await this.receiveData(DEVINFO_BYTES);
    if (!data.ok) return data;
    const info = readDeviceInfo(data.value);
    return info ? ok(info) : fail('protocol', 'device.gt521.unexpected_packet', undefined, 'device information too short');
  }

  private async doChangeBaud(baud: number): Promise<Result<void>> {
    if (!(BAUD_RATES as readonly number[]).includes(baud)) return fail('rejected', 'device.gt521.nack.1002', undefined, `baud ${baud}`);
    const r = this.expectOk(await this.command(CMD.ChangeBaudrate, baud));
    if (!r.ok) return r;
    // Let the module finish its ACK's stop bit before the line changes under it.
    await sleep(5);
    await this.setLineBaud(baud);
    return ok(undefined);
  }

  private async setLineBaud(baud: number): Promise<void> {
    await this.transport?.setBaudRate?.(baud);
    this.lineBaud = baud;
    this.link.forget();
  }

  private async doParameter(code: number, parameter: number): Promise<Result<number>> {
    const r = this.expectAck(await this.command(code, parameter));
    return r.ok ? ok(r.value.parameter) : r;
  }

  // ---- answers ----

  private matchAnswer(r: Result<Gt521Packet>, noMatch: number): Result<MatchOutcome> {
    if (!r.ok) return r;
    if (r.value.code === ACK) return ok({ matched: true });
    if (r.value.parameter === noMatch) return ok({ matched: false });
    return this.rejected(r.value.parameter);
  }

  private identifyAnswer(r: Result<Gt521Packet>): Result<{ found: boolean; id: number }> {
    if (!r.ok) return r;
    if (r.value.code === ACK) return ok({ found: true, id: r.value.parameter });
    if (r.value.parameter === NACK_CODE.identifyFailed || r.value.parameter === NACK_CODE.dbIsEmpty) return ok({ found: false, id: -1 });
    return this.rejected(r.value.parameter);
  }

  // ---- one command: write, wait for its response (and the data that follows) ----

  private async command(code: number, parameter: number, opts: CommandOptions = {}): Promise<Result<Gt521Packet>> {
    this.inbox.clear();
    this.lastCommand = code;
    this.decoder.expectData(opts.expectData ?? 0);
    const sent = await this.send(encodeCommand(code, parameter), `${commandName(code)}(${parameter})`);
    if (!sent.ok) return sent;
    const answer = await this.inbox.next({ timeoutMs: opts.timeoutMs ?? this.ackTimeoutMs, accept: (f) => f.type === 'packet', signal: opts.signal });
    if (!answer.ok) {
      if (answer.error.code === 'timeout') this.link.setHealth('unresponsive');
      return answer;
    }
    const p = (answer.value as { packet: Gt521Packet }).packet;
    if (p.code !== ACK && p.code !== NACK) return fail('protocol', 'device.gt521.unexpected_packet', undefined, `code 0x${p.code.toString(16)} to ${commandName(code)}`);
    if (p.code === NACK) this.decoder.expectData(0);
    return ok(p);
  }

  /** Commands that take a data packet: the module ACKs the command, takes the data, then answers. */
  private async commandWithData(code: number, parameter: number, data: Uint8Array): Promise<Result<Gt521Packet>> {
    if (data.length !== TEMPLATE_BYTES) return fail('rejected', 'device.gt521.nack.1011', undefined, `template of ${data.length} bytes, ${TEMPLATE_BYTES} expected`);
    const first = this.expectAck(await this.command(code, parameter));
    if (!first.ok) return first;
    this.inbox.clear();
    const sent = await this.send(encodeDataPacket(data), `DATA ${data.length} B`);
    if (!sent.ok) return sent;
    const answer = await this.inbox.next({ timeoutMs: this.ackTimeoutMs * 2, accept: (f) => f.type === 'packet' });
    if (!answer.ok) {
      if (answer.error.code === 'timeout') this.link.setHealth('unresponsive');
      return answer;
    }
    return ok((answer.value as { packet: Gt521Packet }).packet);
  }

  /** Waits for the data packet armed by `command`; silence, not length, limits the wait. */
  private async receiveData(bytes: number, signal?: AbortSignal, onProgress?: (received: number, total: number) => void): Promise<Result<Buffer>> {
    for (;;) {
      const next = await this.inbox.next({ timeoutMs: this.dataTimeoutMs, accept: (f) => f.type !== 'packet', signal });
      if (!next.ok) {
        if (next.error.code === 'timeout') this.link.setHealth('unresponsive');
        await this.link.settle();
        return next.error.code === 'timeout' ? fail('timeout', 'device.gt521.image_incomplete', undefined, next.error.detail) : next;
      }
      const f = next.value;
      if (f.type === 'progress') {
        onProgress?.(f.received, f.total);
        continue;
      }
      if (f.type !== 'data') continue;
      if (f.data.length !== bytes) return fail('protocol', 'device.gt521.image_incomplete', undefined, `${f.data.length} of ${bytes} bytes`);
      onProgress?.(bytes, bytes);
      return ok(f.data);
    }
  }

  private send(bytes: Buffer, name: string): Promise<Result<void>> {
    // A data packet (0x5A 0xA5) carries a template to the module: its header only.
    return this.link.write(bytes, bytes[0] === DATA_START ? redactBiometric(bytes, DATA_HEADER_BYTES, name) : { bytes, name });
  }

  private onDecoded(d: Gt521Decoded): void {
    const at = Date.now();
    switch (d.type) {
      case 'garbage':
        this.emit('frame', { at, dir: 'rx', ...redactBiometric(d.bytes, 4, 'garbage') });
        return;
      case 'bad_checksum':
        this.emit('frame', { at, dir: 'rx', ...(d.kind === 'data' ? redactBiometric(d.raw, DATA_HEADER_BYTES, 'bad checksum (data)') : { bytes: d.raw, name: 'bad checksum (packet)' }) });
        // A damaged packet inside an exchange spoils the whole exchange: say so at once.
        if (this.lock.busy) this.inbox.fail(fail('protocol', 'device.gt521.bad_checksum', undefined, d.raw.subarray(0, 12).toString('hex')), { sticky: true });
        return;
      case 'progress':
        this.inbox.push(d);
        return;
      case 'data':
        // Images and templates: the header, the length and a hash, never the bytes.
        this.emit('frame', { at, dir: 'rx', ...redactBiometric(d.raw, DATA_HEADER_BYTES, `DATA ${d.data.length} B (${commandName(this.lastCommand)})`) });
        this.link.setHealth('ok');
        this.inbox.push({ type: 'data', data: d.data });
        return;
      case 'packet':
        this.emit('frame', { at, dir: 'rx', bytes: d.raw, name: `${describePacket(d.packet, commandName)} (${commandName(this.lastCommand)})` });
        this.link.setHealth('ok');
        this.inbox.push({ type: 'packet', packet: d.packet });
    }
  }

  private expectAck(r: Result<Gt521Packet>): Result<Gt521Packet> {
    if (!r.ok) return r;
    return r.value.code === ACK ? r : this.rejected(r.value.parameter);
  }

  private expectOk(r: Result<Gt521Packet>): Result<void> {
    const a = this.expectAck(r);
    return a.ok ? ok(undefined) : a;
  }

  private rejected(parameter: number): Result<never> {
    const { key, params } = nackKey(parameter, this.capacity);
    return fail('rejected', key, params, `NACK 0x${parameter.toString(16).padStart(4, '0')} to ${commandName(this.lastCommand)}`);
  }
}
