// A ZFM-family fingerprint module in software. It speaks the module's bytes over any
// Transport (the device end of a memory pair, or a PTY through serialport), so the driver
// and independent clients (pyfingerprint, Adafruit) cannot tell it from the hardware.
// It paces bytes at the module's baud rate when asked, and misbehaves on demand.
import { EventEmitter } from 'node:events';
import type { Transport } from '../transport/transport';
import { encodeAck, encodeDataPackets, writeSysParams } from '../drivers/zfm/codec';
import type { ZfmPacket } from '../drivers/zfm/codec';
import { ZfmDecoder } from '../drivers/zfm/decoder';
import { CODE, DEFAULT_ADDRESS, INS, PID, SYS_PARAM, baudToN, instructionName, packetSizeBytes } from '../drivers/zfm/constants';
import type { InstructionName } from '../drivers/zfm/constants';
import { pack4bpp } from '../imaging/fingerprint-image';
import { BytePacer } from './pacer';
import { seedFrom, seededRandom } from './prng';
import { ridgeField, syntheticFingerprint } from './synthetic-finger';
import type { FingerQuality } from './synthetic-finger';
import { MATCH_THRESHOLD, combineTemplates, isTemplate, matchScore, templateFor } from './sim-templates';
import { FaultPlan } from './fingerprint-sim';
import type { FingerprintSim, SensorSignal, SimFault } from './fingerprint-sim';

export type ZfmProfile = 'zfm20' | 'r503';

/** GetRandomCode (manual: 0x14), asked by some clients (pyfingerprint's generateRandomNumber). */
const GEN_RANDOM_CODE = 0x14;

export { SIM_FAULTS } from './fingerprint-sim';
export type { SimFault } from './fingerprint-sim';

const DEFAULT_FAULT_TARGET: Partial<Record<SimFault, InstructionName>> = {
  no_finger: 'GenImg',
  capture_fail: 'GenImg',
  unplug_mid_image: 'UpImage',
};

export interface ZfmSimOptions {
  profile?: ZfmProfile;
  /** Seeds finger patterns and misbehaviour; same seed, same fingers. */
  seed?: number;
  /** Initial baud rate (9600 × N); the host may change it with SetSysPara. */
  baud?: number;
  /** Pace bytes at the baud rate (10 bits per byte); off = as fast as the link goes. */
  pace?: boolean;
  packetBytes?: 32 | 64 | 128 | 256;
  password?: number;
  address?: number;
  /** Delay of the 'slow' fault (ms). */
  slowMs?: number;
  /** What 'unplug' means here (kill socat, close the memory pair); default closes the transport. */
  onUnplug?: () => void;
}

interface Finger {
  name: string;
  seed: number;
  quality: FingerQuality;
}


export interface ZfmSimEvents {
  command: [string];
  unplug: [];
  sensor: [SensorSignal];
}

export class ZfmSimulator extends EventEmitter<ZfmSimEvents> implements FingerprintSim {
  readonly profile: ZfmProfile;
  readonly seed: number;
  private transport: Transport | undefined;
  private readonly decoder = new ZfmDecoder();
  private readonly pacer: BytePacer;
  private readonly rand;
  private work: Promise<void> = Promise.resolve();
  private readonly faults = new FaultPlan<InstructionName>(DEFAULT_FAULT_TARGET, (name) => INS[name]);
  private finger: Finger | undefined;
  private attempts = 0;
  private image: { finger: Finger; attempt: number; packed: Buffer } | undefined;
  private readonly charBuffers: [Buffer | undefined, Buffer | undefined] = [undefined, undefined];
  private readonly library = new Map<number, Buffer>();
  private downloading: { bufferId: number; parts: Buffer[] } | undefined;
  private verified = false;
  private detachers: (() => void)[] = [];
  /** LED ring state (R503), for tests and the demo. */
  led = { control: 0x04, colour: 0, speed: 0, count: 0 };
  pace: boolean;
  baudN: number;
  packetSizeCode: number;
  securityLevel = 3;
  password: number;
  readonly address: number;
  slowMs: number;
  private readonly onUnplug: (() => void) | undefined;

  constructor(opts: ZfmSimOptions = {}) {
    super();
    this.profile = opts.profile ?? 'zfm20';
    this.seed = opts.seed ?? 1;
    this.rand = seededRandom(this.seed ^ 0xbadc0de);
    this.baudN = baudToN(opts.baud ?? 57_600) ?? 6;
    this.pace = opts.pace ?? false;
    this.packetSizeCode = [32, 64, 128, 256].indexOf(opts.packetBytes ?? 128);
    this.password = opts.password ?? 0;
    this.address = opts.address ?? DEFAULT_ADDRESS;
    this.slowMs = opts.slowMs ?? 500;
    this.onUnplug = opts.onUnplug;
    this.pacer = new BytePacer(
      (bytes) => {
        const t = this.transport;
        if (t?.isOpen) t.write(bytes).catch(() => undefined);
      },
      () => (this.pace ? 9600 * this.baudN : undefined),
    );
  }

  get baudRate(): number {
    return 9600 * this.baudN;
  }

  get librarySize(): number {
    return this.profile === 'r503' ? 200 : 162;
  }

  get imageSize(): { width: number; height: number } {
    return this.profile === 'r503' ? { width: 192, height: 192 } : { width: 256, height: 288 };
  }

  /** Serves the protocol on an open transport (the device end). */
  attach(transport: Transport): void {
    this.detach();
    this.transport = transport;
    this.decoder.reset();
    const onData = (chunk: Buffer): void => {
      for (const d of this.decoder.push(chunk)) {
        if (d.type === 'packet') this.enqueue(d.packet);
        // Garbage and bad checksums from the host: a real module answers 01 to a damaged command.
        else if (d.type === 'bad_checksum') this.enqueue(undefined);
      }
    };
    const onClose = (): void => this.detach();
    transport.on('data', onData);
    transport.on('close', onClose);
    this.detachers = [() => transport.off('data', onData), () => transport.off('close', onClose)];
    if (this.profile === 'r503') setTimeout(() => this.pacer.send(Buffer.from([0x55])), 50);
  }

  detach(): void {
    for (const d of this.detachers) d();
    this.detachers = [];
    this.transport = undefined;
    this.pacer.clear();
    this.downloading = undefined;
    this.verified = false;
  }

  /** Puts a finger on the sensor; each name is a different, stable pattern. */
  placeFinger(name: string, quality: FingerQuality = 'clean'): void {
    this.finger = { name, seed: seedFrom(this.seed, name), quality };
    // Grow the ridge pattern now (the slow part, a few hundred ms) so GenImg answers promptly.
    const { width, height } = this.imageSize;
    ridgeField(this.finger.seed, width, height);
  }

  liftFinger(): void {
    this.finger = undefined;
  }

  get fingerOnSensor(): string | undefined {
    return this.finger?.name;
  }

  /** Misbehaves on the next `times` commands (of `on`, where given). */
  inject(fault: SimFault, opts: { times?: number; on?: InstructionName } = {}): void {
    this.faults.inject(fault, opts);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  get templateCount(): number {
    return this.library.size;
  }

  private enqueue(packet: ZfmPacket | undefined): void {
    this.work = this.work.then(() => this.handle(packet)).catch(() => undefined);
  }

  private send(bytes: Buffer): void {
    this.pacer.send(bytes);
  }

  private ack(code: number, data: number[] | Uint8Array = []): Buffer {
    return encodeAck(code, data, this.address);
  }

  private unplug(): void {
    this.pacer.clear();
    this.emit('unplug');
    if (this.onUnplug) this.onUnplug();
    else void this.transport?.close();
    this.detach();
  }

  private async handle(packet: ZfmPacket | undefined): Promise<void> {
    if (!packet) return this.send(this.ack(CODE.packetError));
    if (packet.address !== this.address) return; // not for us: a real module stays silent
    if (packet.pid === PID.data || packet.pid === PID.end) return this.receiveData(packet);
    if (packet.pid !== PID.command || packet.payload.length === 0) return;
    this.downloading = undefined;
    const ins = packet.payload[0]!;
    const args = packet.payload.subarray(1);
    this.emit('command', instructionName(ins));
    if (this.faults.take(ins, 'no_reply')) return;
    if (this.faults.take(ins, 'slow')) await new Promise((r) => setTimeout(r, this.slowMs));
    if (this.faults.take(ins, 'garbage')) {
      this.send(Buffer.from(Array.from({ length: 5 + Math.floor(this.rand() * 40) }, () => Math.floor(this.rand() * 256))));
    }
    const corrupt = this.faults.take(ins, 'bad_checksum');
    const answer = (code: number, data: number[] | Uint8Array = []): void => {
      const bytes = this.ack(code, data);
      if (corrupt && ins !== INS.UpImage) bytes[bytes.length - 1]! ^= 0x5a;
      this.send(bytes);
    };
    if (this.password !== 0 && !this.verified && ins !== INS.VfyPwd) return answer(CODE.passwordFirst);
    switch (ins) {
      case INS.VfyPwd: {
        const ok = args.length >= 4 && args.readUInt32BE(0) === this.password;
        this.verified = ok;
        return answer(ok ? CODE.ok : CODE.wrongPassword);
      }
      case INS.ReadSysPara:
        return answer(
          CODE.ok,
          writeSysParams({ statusRegister: 0, systemId: 0x0009, librarySize: this.librarySize, securityLevel: this.securityLevel, address: this.address, packetSizeCode: this.packetSizeCode, baudN: this.baudN }),
        );
      case INS.SetSysPara:
        return this.setSysPara(args, answer);
      case INS.TemplateNum:
        return answer(CODE.ok, [(this.library.size >> 8) & 0xff, this.library.size & 0xff]);
      case INS.GenImg:
        return this.genImg(ins, answer);
      case INS.UpImage:
        return this.upImage(corrupt);
      case INS.Img2Tz: {
        const bufferId = args[0] === 2 ? 2 : 1;
        if (!this.image) return answer(CODE.noValidImage);
        const t = templateFor(this.image.finger.seed, this.image.finger.quality, this.image.attempt);
        if (t[1]! < 8) return answer(CODE.tooFewPoints);
        this.charBuffers[bufferId - 1] = t;
        return answer(CODE.ok);
      }
      case INS.Match: {
        const score = matchScore(this.charBuffers[0] ?? Buffer.alloc(0), this.charBuffers[1] ?? Buffer.alloc(0));
        return answer(score >= MATCH_THRESHOLD ? CODE.ok : CODE.noMatch, [(score >> 8) & 0xff, score & 0xff]);
      }
      case INS.RegModel: {
        const [a, b] = this.charBuffers;
        if (!a || !b || matchScore(a, b) < MATCH_THRESHOLD) return answer(CODE.combineFailed);
        const model = combineTemplates(a, b);
        this.charBuffers[0] = model;
        this.charBuffers[1] = Buffer.from(model);
        return answer(CODE.ok);
      }
      case INS.Store: {
        const t = this.charBuffers[args[0] === 2 ? 1 : 0];
        const page = args.length >= 3 ? args.readUInt16BE(1) : 0xffff;
        if (page >= this.librarySize) return answer(CODE.badPage);
        if (!t) return answer(0x0c);
        this.library.set(page, Buffer.from(t));
        return answer(CODE.ok);
      }
      case INS.LoadChar: {
        const page = args.length >= 3 ? args.readUInt16BE(1) : 0xffff;
        const t = this.library.get(page);
        if (!t) return answer(page >= this.librarySize ? CODE.badPage : 0x0c);
        this.charBuffers[args[0] === 2 ? 1 : 0] = Buffer.from(t);
        return answer(CODE.ok);
      }
      case INS.Search: {
        const probe = this.charBuffers[args[0] === 2 ? 1 : 0];
        const start = args.length >= 5 ? args.readUInt16BE(1) : 0;
        const count = args.length >= 5 ? args.readUInt16BE(3) : 0;
        let best = { page: 0, score: 0 };
        for (const [page, t] of this.library) {
          if (page < start || page >= start + count || !probe) continue;
          const score = matchScore(probe, t);
          if (score > best.score) best = { page, score };
        }
        if (best.score < MATCH_THRESHOLD) return answer(CODE.notFound, [0, 0, 0, 0]);
        return answer(CODE.ok, [best.page >> 8, best.page & 0xff, best.score >> 8, best.score & 0xff]);
      }
      case INS.DeleteChar: {
        const page = args.length >= 4 ? args.readUInt16BE(0) : 0;
        const n = args.length >= 4 ? args.readUInt16BE(2) : 0;
        for (let p = page; p < page + n; p++) this.library.delete(p);
        return answer(CODE.ok);
      }
      case INS.Empty:
        this.library.clear();
        return answer(CODE.ok);
      case INS.UpChar: {
        const t = this.charBuffers[args[0] === 2 ? 1 : 0];
        if (!t) return answer(0x0d);
        answer(CODE.ok);
        for (const p of encodeDataPackets(t, packetSizeBytes(this.packetSizeCode), this.address)) this.send(p);
        return;
      }
      case INS.DownChar:
        answer(CODE.ok);
        this.downloading = { bufferId: args[0] === 2 ? 2 : 1, parts: [] };
        return;
      case INS.ReadIndexTable: {
        // 32 bytes per index page: bit n of the page set when template (page × 256 + n) exists.
        const base = (args[0] ?? 0) * 256;
        const bits = Buffer.alloc(32);
        for (const page of this.library.keys()) {
          const n = page - base;
          if (n >= 0 && n < 256) bits[n >> 3]! |= 1 << (n & 7);
        }
        return answer(CODE.ok, bits);
      }
      case GEN_RANDOM_CODE:
        return answer(CODE.ok, [0, 1, 2, 3].map(() => Math.floor(this.rand() * 256)));
      case INS.SetPwd:
        if (args.length < 4) return answer(CODE.packetError);
        this.password = args.readUInt32BE(0);
        return answer(CODE.ok);
      case INS.AuraLedConfig:
        if (this.profile !== 'r503') return answer(CODE.packetError);
        this.led = { control: args[0] ?? 0, speed: args[1] ?? 0, colour: args[2] ?? 0, count: args[3] ?? 0 };
        return answer(CODE.ok);
      default:
        return answer(CODE.packetError);
    }
  }

  private genImg(ins: number, answer: (code: number) => void): void {
    if (this.faults.take(ins, 'capture_fail')) return answer(CODE.enrollFailed);
    if (this.faults.take(ins, 'no_finger') || !this.finger || this.finger.quality === 'none') {
      if (!this.finger) this.emit('sensor', 'polled_empty');
      return answer(CODE.noFinger);
    }
    this.attempts += 1;
    const finger = this.finger;
    const { width, height } = this.imageSize;
    const gray = syntheticFingerprint({ seed: finger.seed, quality: finger.quality, attempt: this.attempts, width, height });
    this.image = { finger, attempt: this.attempts, packed: pack4bpp(gray) };
    answer(CODE.ok);
  }

  private async upImage(corrupt: boolean): Promise<void> {
    if (!this.image) return this.send(this.ack(CODE.uploadImageFailed));
    this.send(this.ack(CODE.ok));
    const packets = encodeDataPackets(this.image.packed, packetSizeBytes(this.packetSizeCode), this.address);
    const half = packets.length >> 1;
    const unplug = this.faults.take(INS.UpImage, 'unplug_mid_image');
    for (let i = 0; i < packets.length; i++) {
      if (unplug && i === half) {
        await this.pacer.idle();
        return this.unplug();
      }
      const p = packets[i]!;
      if (corrupt && i === half) p[p.length - 1]! ^= 0x5a;
      this.send(p);
    }
    // Commands that follow wait until the image has left, as on the half-duplex wire.
    await this.pacer.idle();
    this.emit('sensor', 'image_sent');
  }

  private async setSysPara(args: Buffer, answer: (code: number) => void): Promise<void> {
    const param = args[0];
    const value = args[1] ?? 0;
    if (param === SYS_PARAM.baud && value >= 1 && value <= 12) {
      answer(CODE.ok);
      await this.pacer.idle();
      this.baudN = value;
      return;
    }
    if (param === SYS_PARAM.packetSize && value <= 3) {
      this.packetSizeCode = value;
      return answer(CODE.ok);
    }
    if (param === SYS_PARAM.securityLevel && value >= 1 && value <= 5) {
      this.securityLevel = value;
      return answer(CODE.ok);
    }
    return answer(CODE.invalidRegister);
  }

  private receiveData(packet: ZfmPacket): void {
    const d = this.downloading;
    if (!d) return;
    d.parts.push(packet.payload);
    if (packet.pid === PID.end) {
      this.charBuffers[d.bufferId - 1] = Buffer.concat(d.parts);
      this.downloading = undefined;
    }
  }

  /** Time the paced wire has been busy with this module's answers (ms): its own time, for benches. */
  get wireMs(): number {
    return this.pacer.wireMs;
  }

  /** True while bytes are still queued for the wire (paced mode). */
  get sending(): boolean {
    return this.pacer.pending > 0;
  }
}

export { isTemplate };
