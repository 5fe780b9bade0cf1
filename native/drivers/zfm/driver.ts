// The ZFM-20 / R305 / R307 / AS608 / R503 driver: commands over a Transport, one exchange
// at a time, every wait time-limited, every failure a Result with a translation key.
//
// The driver outlives its transport: the manager attaches a fresh transport after a
// replug, and whoever holds the driver carries on with it. It is a FingerprintReader
// (zfm-reader.ts maps the interface onto the module's instructions).
import { EventEmitter } from 'node:events';
import { sleep } from '../../transport/exchange';
import { FramedLink } from '../../transport/framed-link';
import type { Transport } from '../../transport/transport';
import { zfmSelfTest } from './selftest';
import type { SelfTestCheck } from './selftest';
import type {
  CaptureOptions, FingerprintCapabilities, FingerprintImage, FingerprintReader, FingerprintTemplate, MatchOutcome,
} from '../fingerprint-reader';
import { zfmCapabilities, zfmCapture, zfmCompare, zfmExtractTemplate } from './zfm-reader';
import { DEVICE_KEYS, describeError, fail, ok } from '../../result';
import type { Result } from '../../result';
import { DEFAULT_AURA_CUE, commandPacket, commands, describePacket, encodeDataPackets, readAck, readSysParams } from './codec';
import type { Ack, ZfmPacket, ZfmSysParams } from './codec';
import { ZfmDecoder } from './decoder';
import type { ZfmDecoded } from './decoder';
import { AURA, CODE, DEFAULT_ADDRESS, DEFAULT_PASSWORD, PID, SYS_PARAM, baudToN, geometryForBytes, instructionName, packetSizeCode } from './constants';
import { codeKey } from './messages';
import type {
  ZfmDriverOptions, ZfmIdentity, ZfmImage, ZfmDriverEvents, MatchResult, SearchResult,
} from './driver-types';
import { redactBiometric } from '../../trace-redact';

/** Header of a packet (EF01, address, PID, length): protocol, kept in the trace. */
const HEADER_BYTES = 9;
const GARBAGE_BYTES_SHOWN = 4;
/** Data packets carry fingerprint images and templates: the trace keeps their header only. */
function traced(bytes: Buffer, pid: number, name: string): { bytes: Buffer; name: string } {
  return pid === PID.data || pid === PID.end ? redactBiometric(bytes, HEADER_BYTES, name) : { bytes, name };
}

export type {
  ZfmDriverOptions, ZfmIdentity, ZfmImage, TraceFrame, CountdownEvent, ProgressEvent, ZfmDriverEvents, MatchResult, SearchResult,
} from './driver-types';
export type { SelfTestCheck };

const IMAGE_BYTES_DEFAULT = (256 * 288) / 2;

export class ZfmDriver extends EventEmitter<ZfmDriverEvents> implements FingerprintReader {
  // Room for a whole image in 32-byte packets (1152): a PTY read can deliver hundreds at once.
  private readonly link: FramedLink<ZfmDecoded, ZfmPacket> = new FramedLink<ZfmDecoded, ZfmPacket>(new ZfmDecoder(), 4096, {
    decoded: (d) => this.onDecoded(d),
    sent: (f) => this.emit('frame', { dir: 'tx', ...f }),
    busy: (b) => this.emit('busy', b),
    health: (h) => this.emit('health', h),
    disconnected: (reason) => this.emit('disconnected', reason),
  });
  private readonly inbox = this.link.inbox;
  private readonly lock = this.link.lock;
  private readonly address: number;
  private readonly password: number;
  private readonly ackTimeoutMs: number;
  private readonly dataTimeoutMs: number;
  private ledMode: 'auto' | 'aura' | 'none';
  private lastCommand = 0;
  /** Parameters from the last ReadSysPara; packet size is never assumed beyond this. */
  sysParams: ZfmSysParams | undefined;

  constructor(opts: ZfmDriverOptions = {}) {
    super();
    this.address = opts.address ?? DEFAULT_ADDRESS;
    this.password = opts.password ?? DEFAULT_PASSWORD;
    this.ackTimeoutMs = opts.ackTimeoutMs ?? 2000;
    this.dataTimeoutMs = opts.dataTimeoutMs ?? 2000;
    this.ledMode = opts.led ?? 'auto';
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

  get hasLedRing(): boolean {
    return this.ledMode === 'aura';
  }

  // ---- the FingerprintReader interface ----

  /** Known fully after identify (an R50x has a smaller window); ZFM-20 geometry before. */
  get capabilities(): FingerprintCapabilities {
    return zfmCapabilities(this.ledMode === 'aura' ? 'r50x' : 'zfm');
  }

  capture(opts: CaptureOptions = {}): Promise<Result<FingerprintImage>> {
    return zfmCapture(this, opts);
  }

  extractTemplate(): Promise<Result<FingerprintTemplate>> {
    return zfmExtractTemplate(this);
  }

  compare(a: FingerprintTemplate, b: FingerprintTemplate): Promise<Result<MatchOutcome>> {
    return zfmCompare(this, a, b);
  }

  /** Takes an open transport; a previous one is let go (not closed). */
  attach(transport: Transport): void {
    this.link.attach(transport);
  }

  detach(): void {
    this.link.detach();
  }

  // ---- public commands: each takes the lock for its whole exchange ----

  /** VfyPwd, ReadSysPara, TemplateNum and (led 'auto') a probe of the LED ring. */
  identify(): Promise<Result<ZfmIdentity>> {
    return this.lock.run(() => this.doIdentify());
  }

  verifyPassword(password = this.password): Promise<Result<void>> {
    return this.lock.run(async () => this.expectOk(await this.command(commands.vfyPwd(password))));
  }

  readSysParams(): Promise<Result<ZfmSysParams>> {
    return this.lock.run(() => this.doReadSysParams());
  }

  /** Changes the module's baud rate, then the line's (the acknowledge comes at the old speed). */
  setBaudRate(baud: number): Promise<Result<void>> {
    return this.lock.run(async () => {
      const n = baudToN(baud);
      if (n === undefined) return fail('rejected', 'device.zfm.code.1b', undefined, `baud ${baud} is not 9600×N, N=1…12`);
      const r = this.expectOk(await this.command(commands.setSysPara(SYS_PARAM.baud, n)));
      if (!r.ok) return r;
      await this.transport?.setBaudRate?.(baud);
      if (this.sysParams) this.sysParams = { ...this.sysParams, baudN: n, baudRate: baud };
      return ok(undefined);
    });
  }

  /** Sets the data packet size (32, 64, 128 or 256 bytes). */
  setPacketSize(bytes: 32 | 64 | 128 | 256): Promise<Result<void>> {
    return this.lock.run(async () => {
      const code = packetSizeCode(bytes);
      const r = this.expectOk(await this.command(commands.setSysPara(SYS_PARAM.packetSize, code)));
      if (r.ok && this.sysParams) this.sysParams = { ...this.sysParams, packetSizeCode: code, packetBytes: bytes };
      return r;
    });
  }

  setSecurityLevel(level: 1 | 2 | 3 | 4 | 5): Promise<Result<void>> {
    return this.lock.run(async () => this.expectOk(await this.command(commands.setSysPara(SYS_PARAM.securityLevel, level))));
  }

  /** One GenImg: ok(true) with a finger, ok(false) without one (code 02). */
  genImg(): Promise<Result<boolean>> {
    return this.lock.run(() => this.doGenImg());
  }

  /**
   * Polls GenImg until a finger is on the sensor, emitting 'countdown' so the officer sees
   * the time left, and showing the LED ring cue where there is one.
   */
  waitForFinger(opts: { timeoutMs?: number; pollMs?: number; signal?: AbortSignal } = {}): Promise<Result<void>> {
    return this.lock.run(() => this.doWaitForFinger(opts));
  }

  /** Uploads the image in the module's buffer, emitting 'progress' per data packet. */
  upImage(opts: { signal?: AbortSignal } = {}): Promise<Result<ZfmImage>> {
    return this.lock.run(() => this.doUpImage(opts.signal));
  }

  /** Waits for a finger then uploads its image, in one exchange nobody can interleave. */
  captureImage(opts: { timeoutMs?: number; pollMs?: number; signal?: AbortSignal } = {}): Promise<Result<ZfmImage>> {
    return this.lock.run(async () => {
      const waited = await this.doWaitForFinger(opts);
      if (!waited.ok) return waited;
      return this.doUpImage(opts.signal);
    });
  }

  img2Tz(bufferId: 1 | 2): Promise<Result<void>> {
    return this.lock.run(async () => this.expectOk(await this.command(commands.img2Tz(bufferId))));
  }

  regModel(): Promise<Result<void>> {
    return this.lock.run(async () => this.expectOk(await this.command(commands.regModel())));
  }

  /** Compares char buffers 1 and 2; a non-match is a value (matched: false), not an error. */
  match(): Promise<Result<MatchResult>> {
    return this.lock.run(async () => {
      const r = await this.command(commands.match());
      if (!r.ok) return r;
      if (r.value.code === CODE.noMatch) return ok({ matched: false, score: 0 });
      if (r.value.code !== CODE.ok) return this.rejected(r.value.code);
      return ok({ matched: true, score: r.value.data.length >= 2 ? r.value.data.readUInt16BE(0) : 0 });
    });
  }

  search(bufferId: 1 | 2, start = 0, count = 1000): Promise<Result<SearchResult>> {
    return this.lock.run(async () => {
      const r = await this.command(commands.search(bufferId, start, count));
      if (!r.ok) return r;
      if (r.value.code === CODE.notFound) return ok({ found: false, page: 0, score: 0 });
      if (r.value.code !== CODE.ok) return this.rejected(r.value.code);
      const d = r.value.data;
      return ok({ found: true, page: d.length >= 2 ? d.readUInt16BE(0) : 0, score: d.length >= 4 ? d.readUInt16BE(2) : 0 });
    });
  }

  store(bufferId: 1 | 2, page: number): Promise<Result<void>> {
    return this.lock.run(async () => this.expectOk(await this.command(commands.store(bufferId, page))));
  }

  empty(): Promise<Result<void>> {
    return this.lock.run(async () => this.expectOk(await this.command(commands.empty())));
  }

  templateNum(): Promise<Result<number>> {
    return this.lock.run(() => this.doTemplateNum());
  }

  /** Reads a character file (template) out of a char buffer. */
  upChar(bufferId: 1 | 2): Promise<Result<Buffer>> {
    return this.lock.run(async () => {
      const r = this.expectOk(await this.command(commands.upChar(bufferId)));
      if (!r.ok) return r;
      return this.receiveData(undefined, undefined);
    });
  }

  /** Writes a character file into a char buffer (no acknowledge follows the data). */
  downChar(bufferId: 1 | 2, data: Uint8Array): Promise<Result<void>> {
    return this.lock.run(async () => {
      const r = this.expectOk(await this.command(commands.downChar(bufferId)));
      if (!r.ok) return r;
      const packetBytes = this.sysParams?.packetBytes ?? 128;
      for (const p of encodeDataPackets(data, packetBytes, this.address)) {
        const w = await this.send(p);
        if (!w.ok) return w;
      }
      return ok(undefined);
    });
  }

  /** R50x LED ring; elsewhere a no-op that succeeds. */
  led(control: number, colour: number = AURA.blue, speed = 0x80, count = 0): Promise<Result<void>> {
    return this.lock.run(() => this.doLed(control, colour, speed, count));
  }

  /** Checks a technician can read: identity, a GenImg answer, and the template count. */
  selfTest(): Promise<SelfTestCheck[]> {
    return zfmSelfTest(this);
  }

  // ---- the work itself, run while holding the lock ----

  private async doIdentify(): Promise<Result<ZfmIdentity>> {
    const pwd = this.expectOk(await this.command(commands.vfyPwd(this.password)));
    if (!pwd.ok) return pwd;
    const params = await this.doReadSysParams();
    if (!params.ok) return params;
    const count = await this.doTemplateNum();
    if (!count.ok) return count;
    if (this.ledMode === 'auto') {
      // Only R50x modules know AuraLedConfig; a short wait keeps others from stalling start-up.
      const probe = await this.command(commands.auraLedConfig(AURA.alwaysOff, 0, AURA.blue, 0), { timeoutMs: Math.min(300, this.ackTimeoutMs) });
      this.ledMode = probe.ok && probe.value.code === CODE.ok ? 'aura' : 'none';
      if (!probe.ok && probe.error.code === 'timeout') this.link.setHealth('ok');
    }
    return ok({ model: this.ledMode === 'aura' ? 'r50x' : 'zfm', sysParams: params.value, templateCount: count.value, hasLedRing: this.ledMode === 'aura' });
  }

  private async doReadSysParams(): Promise<Result<ZfmSysParams>> {
    const r = this.expectAckOk(await this.command(commands.readSysPara()));
    if (!r.ok) return r;
    const p = readSysParams(r.value.data);
    if (!p) return fail('protocol', 'device.zfm.unexpected_packet', undefined, 'ReadSysPara answer too short');
    this.sysParams = p;
    return ok(p);
  }

  private async doTemplateNum(): Promise<Result<number>> {
    const r = this.expectAckOk(await this.command(commands.templateNum()));
    if (!r.ok) return r;
    return ok(r.value.data.length >= 2 ? r.value.data.readUInt16BE(0) : 0);
  }

  private async doGenImg(): Promise<Result<boolean>> {
    const r = await this.command(commands.genImg());
    if (!r.ok) return r;
    if (r.value.code === CODE.ok) return ok(true);
    if (r.value.code === CODE.noFinger) return ok(false);
    return this.rejected(r.value.code);
  }

  private async doLed(control: number, colour: number, speed: number, count: number): Promise<Result<void>> {
    if (this.ledMode !== 'aura') return ok(undefined);
    return this.expectOk(await this.command(commands.auraLedConfig(control, speed, colour, count)));
  }

  private async doWaitForFinger(opts: { timeoutMs?: number; pollMs?: number; signal?: AbortSignal }): Promise<Result<void>> {
    const totalMs = opts.timeoutMs ?? 10_000;
    const pollMs = opts.pollMs ?? 100;
    const started = Date.now();
    await this.doLed(DEFAULT_AURA_CUE.control, DEFAULT_AURA_CUE.colour, DEFAULT_AURA_CUE.speed, DEFAULT_AURA_CUE.count);
    let lastSecond = -1;
    let linkLost = false;
    try {
      for (;;) {
        if (opts.signal?.aborted) return fail('cancelled', DEVICE_KEYS.cancelled);
        const remainingMs = Math.max(0, totalMs - (Date.now() - started));
        const seconds = Math.ceil(remainingMs / 1000);
        if (seconds !== lastSecond) {
          lastSecond = seconds;
          const message = { key: 'device.zfm.place_finger', params: { seconds } };
          this.emit('countdown', { remainingMs, totalMs, message });
          this.emit('notice', message);
        }
        const g = await this.doGenImg();
        if (!g.ok) {
          linkLost = g.error.code === 'timeout' || g.error.code === 'disconnected';
          if (g.error.code === 'rejected') this.emit('notice', { key: g.error.key, ...(g.error.params ? { params: g.error.params } : {}) });
          return g;
        }
        if (g.value) return ok(undefined);
        if (Date.now() - started >= totalMs) {
          const params = { seconds: Math.round(totalMs / 1000) };
          this.emit('notice', { key: 'device.zfm.no_finger', params });
          return fail('rejected', 'device.zfm.no_finger', params, `no finger within ${totalMs} ms`);
        }
        if (!(await sleep(pollMs, opts.signal))) return fail('cancelled', DEVICE_KEYS.cancelled);
      }
    } finally {
      // A silent or vanished module would only add another timeout.
      if (!linkLost) await this.doLed(AURA.alwaysOff, AURA.blue, 0, 0);
    }
  }

  private async doUpImage(signal?: AbortSignal): Promise<Result<ZfmImage>> {
    const r = this.expectOk(await this.command(commands.upImage(), { signal }));
    if (!r.ok) return r;
    const data = await this.receiveData(signal, IMAGE_BYTES_DEFAULT);
    if (!data.ok) return data;
    const geometry = geometryForBytes(data.value.length);
    if (!geometry) return fail('protocol', 'device.zfm.image_incomplete', undefined, `${data.value.length} image bytes`);
    return ok({ ...geometry, packed: data.value });
  }

  /** Collects data packets up to the end packet; on any failure lets the line go quiet. */
  private async receiveData(signal: AbortSignal | undefined, expectedBytes: number | undefined): Promise<Result<Buffer>> {
    const parts: Buffer[] = [];
    let received = 0;
    for (;;) {
      const next = await this.inbox.next({
        timeoutMs: this.dataTimeoutMs,
        accept: (p) => p.pid === PID.data || p.pid === PID.end,
        signal,
      });
      if (!next.ok) {
        if (next.error.code === 'timeout') this.link.setHealth('unresponsive');
        await this.link.settle();
        return next.error.code === 'timeout' ? fail('timeout', 'device.zfm.image_incomplete', undefined, next.error.detail) : next;
      }
      parts.push(next.value.payload);
      received += next.value.payload.length;
      if (expectedBytes !== undefined) this.emit('progress', { received, total: Math.max(expectedBytes, received) });
      if (next.value.pid === PID.end) return ok(Buffer.concat(parts));
    }
  }

  // ---- one command: write, wait for its acknowledge ----

  private async command(payload: number[], opts: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<Result<Ack>> {
    this.inbox.clear();
    this.lastCommand = payload[0] ?? 0;
    const sent = await this.send(commandPacket(payload, this.address));
    if (!sent.ok) return sent;
    const timeoutMs = opts.timeoutMs ?? this.ackTimeoutMs;
    const answer = await this.inbox.next({ timeoutMs, accept: (p) => p.pid === PID.ack, signal: opts.signal });
    if (!answer.ok) {
      if (answer.error.code === 'timeout') this.link.setHealth('unresponsive');
      return answer;
    }
    const ack = readAck(answer.value);
    if (!ack) return fail('protocol', 'device.zfm.unexpected_packet', undefined, 'empty acknowledge');
    return ok(ack);
  }

  private send(bytes: Buffer): Promise<Result<void>> {
    const name = describePacket({ address: this.address, pid: bytes[6]!, payload: bytes.subarray(9, bytes.length - 2) }, instructionName);
    return this.link.write(bytes, traced(bytes, bytes[6]!, name));
  }

  private onDecoded(d: ZfmDecoded): void {
    const at = Date.now();
    if (d.type === 'garbage') {
      // Unframed bytes may be the rest of an image: their first bytes only, and a hash.
      this.emit('frame', { at, dir: 'rx', ...redactBiometric(d.bytes, GARBAGE_BYTES_SHOWN, 'garbage') });
      return;
    }
    if (d.type === 'bad_checksum') {
      // A damaged data packet still carries image or template bytes: only its header is kept.
      this.emit('frame', { at, dir: 'rx', ...redactBiometric(d.raw, HEADER_BYTES, 'bad checksum') });
      // A damaged packet inside an exchange spoils the whole exchange: say so at once.
      if (this.lock.busy) this.inbox.fail(fail('protocol', 'device.zfm.bad_checksum', undefined, d.raw.subarray(0, 12).toString('hex')), { sticky: true });
      return;
    }
    const p = d.packet;
    const name = describePacket(p, instructionName) + (p.pid === PID.ack ? ` (${instructionName(this.lastCommand)})` : '');
    if (p.address !== this.address) {
      this.emit('frame', { at, dir: 'rx', ...traced(d.raw, p.pid, `${name}, other address ignored`) });
      return;
    }
    this.emit('frame', { at, dir: 'rx', ...traced(d.raw, p.pid, name) });
    this.link.setHealth('ok');
    this.inbox.push(p);
  }

  private expectAckOk(r: Result<Ack>): Result<Ack> {
    if (!r.ok) return r;
    return r.value.code === CODE.ok ? r : this.rejected(r.value.code);
  }

  private expectOk(r: Result<Ack>): Result<void> {
    const a = this.expectAckOk(r);
    return a.ok ? ok(undefined) : a;
  }

  private rejected(code: number): Result<never> {
    const { key, params } = codeKey(code);
    return fail('rejected', key, params, `confirmation code 0x${code.toString(16).padStart(2, '0')} to ${instructionName(this.lastCommand)}`);
  }
}

export { describeError };
