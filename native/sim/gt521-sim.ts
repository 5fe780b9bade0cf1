// A GT-521F32 / GT-521F52 fingerprint module in software. It speaks the module's bytes over
// any Transport (the device end of a memory pair, or a PTY through serialport): boots at
// 9600 baud, answers ChangeBaudrate at the old speed before moving, paces its bytes at the
// current speed when asked, keeps a template library with the family's own templates, and
// misbehaves on demand like the ZFM simulator (no finger, failed capture, no reply,
// garbage, checksum error, unplug in the middle of an image, slow answers).
import { EventEmitter } from 'node:events';
import type { Transport } from '../transport/transport';
import { encodeDataPacket, encodeResponse, writeDeviceInfo } from '../drivers/gt521/codec';
import type { Gt521Packet } from '../drivers/gt521/codec';
import {
  BAUD_RATES, BOOT_BAUD, CAPACITY, CMD, GT521_PPI, IMAGE, NACK_CODE, RAW_IMAGE, TEMPLATE_BYTES, commandName,
} from '../drivers/gt521/constants';
import type { CommandName, Gt521Model } from '../drivers/gt521/constants';
import { Gt521Decoder } from '../drivers/gt521/decoder';
import type { GrayImage } from '../imaging/fingerprint-image';
import { BytePacer } from './pacer';
import { seedFrom, seededRandom } from './prng';
import { GT521_TEMPLATE, MATCH_THRESHOLD, combineTemplates, isTemplate, matchScore, templateFor } from './sim-templates';
import { ridgeField, syntheticFingerprint } from './synthetic-finger';
import type { FingerQuality } from './synthetic-finger';
import { FaultPlan } from './fingerprint-sim';
import type { FingerprintSim, SensorSignal, SimFault } from './fingerprint-sim';

export interface Gt521SimOptions {
  model?: Gt521Model;
  /** Seeds finger patterns and misbehaviour; same seed, same fingers. */
  seed?: number;
  /** Speed at power-on (the module's is 9600). */
  baud?: number;
  /** Pace bytes at the current speed (10 bits per byte); off = as fast as the link goes. */
  pace?: boolean;
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


export interface Gt521SimEvents {
  command: [string];
  unplug: [];
  sensor: [SensorSignal];
}

const DEFAULT_FAULT_TARGET: Partial<Record<SimFault, CommandName>> = {
  no_finger: 'IsPressFinger',
  capture_fail: 'CaptureFinger',
  unplug_mid_image: 'GetImage',
};

/** How long the host may take to send the data packet a command announced (ms). */
const DATA_WAIT_MS = 3000;

export class Gt521Simulator extends EventEmitter<Gt521SimEvents> implements FingerprintSim {
  readonly model: Gt521Model;
  readonly seed: number;
  readonly serialNumber: string;
  private transport: Transport | undefined;
  private readonly decoder = new Gt521Decoder();
  private readonly pacer: BytePacer;
  private readonly rand;
  private work: Promise<void> = Promise.resolve();
  private readonly faults = new FaultPlan<CommandName>(DEFAULT_FAULT_TARGET, (name) => CMD[name]);
  private finger: Finger | undefined;
  private attempts = 0;
  private captured: { finger: Finger; attempt: number; image: GrayImage } | undefined;
  private readonly library = new Map<number, Buffer>();
  private enrolment: { id: number; step: number; templates: Buffer[] } | undefined;
  private awaiting: ((data: Buffer | undefined) => void) | undefined;
  private detachers: (() => void)[] = [];
  /** CMOS LED state, for tests and the demo. */
  led = false;
  pace: boolean;
  baud: number;
  slowMs: number;
  private readonly onUnplug: (() => void) | undefined;

  constructor(opts: Gt521SimOptions = {}) {
    super();
    this.model = opts.model ?? 'f52';
    this.seed = opts.seed ?? 1;
    this.rand = seededRandom(this.seed ^ 0x6752);
    this.serialNumber = Array.from({ length: 16 }, () => Math.floor(this.rand() * 256).toString(16).padStart(2, '0')).join('').toUpperCase();
    this.baud = opts.baud ?? BOOT_BAUD;
    this.pace = opts.pace ?? false;
    this.slowMs = opts.slowMs ?? 500;
    this.onUnplug = opts.onUnplug;
    this.pacer = new BytePacer(
      (bytes) => {
        const t = this.transport;
        if (t?.isOpen) t.write(bytes).catch(() => undefined);
      },
      () => (this.pace ? this.baud : undefined),
    );
  }

  get capacity(): number {
    return CAPACITY[this.model];
  }

  get baudRate(): number {
    return this.baud;
  }

  /** Serves the protocol on an open transport (the device end). A new link is a power-on. */
  attach(transport: Transport): void {
    this.detach();
    this.transport = transport;
    this.decoder.reset();
    const onData = (chunk: Buffer): void => {
      for (const d of this.decoder.push(chunk)) {
        if (d.type === 'packet') this.enqueue(d.packet);
        else if (d.type === 'data') this.deliver(d.data);
        // A damaged command gets a NACK "communication error", as the module answers.
        else if (d.type === 'bad_checksum') this.enqueue(undefined);
      }
    };
    const onClose = (): void => this.detach();
    transport.on('data', onData);
    transport.on('close', onClose);
    this.detachers = [() => transport.off('data', onData), () => transport.off('close', onClose)];
  }

  detach(): void {
    for (const d of this.detachers) d();
    this.detachers = [];
    this.transport = undefined;
    this.pacer.clear();
    this.deliver(undefined);
    this.enrolment = undefined;
    this.led = false;
  }

  /** Power cycle: the module forgets its speed (the library is in flash and stays). */
  powerOn(baud = BOOT_BAUD): void {
    this.baud = baud;
    this.captured = undefined;
  }

  placeFinger(name: string, quality: FingerQuality = 'clean'): void {
    this.finger = { name, seed: seedFrom(this.seed, name), quality };
    // Grow the ridge pattern now (the slow part) so CaptureFinger answers promptly.
    ridgeField(this.finger.seed, IMAGE.width, IMAGE.height, GT521_PPI);
  }

  liftFinger(): void {
    this.finger = undefined;
  }

  get fingerOnSensor(): string | undefined {
    return this.finger?.name;
  }

  get templateCount(): number {
    return this.library.size;
  }

  /** Misbehaves on the next `times` commands (of `on`, where given). */
  inject(fault: SimFault, opts: { times?: number; on?: CommandName } = {}): void {
    this.faults.inject(fault, opts);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /** True while bytes are still queued for the wire (paced mode). */
  get sending(): boolean {
    return this.pacer.pending > 0;
  }

  private enqueue(packet: Gt521Packet | undefined): void {
    this.work = this.work.then(() => this.handle(packet)).catch(() => undefined);
  }

  private deliver(data: Buffer | undefined): void {
    const waiting = this.awaiting;
    this.awaiting = undefined;
    waiting?.(data);
  }

  /** The data packet the host sends after the ACK of SetTemplate, VerifyTemplate, IdentifyTemplate. */
  private awaitData(): Promise<Buffer | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.deliver(undefined), DATA_WAIT_MS);
      this.awaiting = (data) => {
        clearTimeout(timer);
        resolve(data);
      };
    });
  }

  private send(bytes: Buffer): void {
    this.pacer.send(bytes);
  }

  private unplug(): void {
    this.pacer.clear();
    this.emit('unplug');
    if (this.onUnplug) this.onUnplug();
    else void this.transport?.close();
    this.detach();
  }

  private async handle(packet: Gt521Packet | undefined): Promise<void> {
    if (!packet) return this.send(encodeResponse(false, NACK_CODE.commErr));
    const { code, parameter } = packet;
    this.emit('command', commandName(code));
    if (this.faults.take(code, 'no_reply')) return;
    if (this.faults.take(code, 'slow')) await new Promise((r) => setTimeout(r, this.slowMs));
    if (this.faults.take(code, 'garbage')) {
      // Stray bytes that never hold a start code, as line noise before the answer.
      this.send(Buffer.from(Array.from({ length: 5 + Math.floor(this.rand() * 40) }, () => 0x60 + Math.floor(this.rand() * 0x40))));
    }
    const corrupt = this.faults.take(code, 'bad_checksum');
    const answer = (ack: boolean, param = 0): void => {
      const bytes = encodeResponse(ack, param);
      if (corrupt && code !== CMD.GetImage) bytes[11]! ^= 0x5a;
      this.send(bytes);
    };
    const nack = (param: number): void => answer(false, param);
    switch (code) {
      case CMD.Open:
        answer(true, 0);
        if (parameter !== 0) this.send(encodeDataPacket(writeDeviceInfo({ firmwareVersion: 0x20160101, isoAreaMaxSize: 0x10000, serialNumber: this.serialNumber })));
        return;
      case CMD.Close:
      case CMD.UsbInternalCheck:
        return answer(true, 0);
      case CMD.ChangeBaudrate:
        if (!(BAUD_RATES as readonly number[]).includes(parameter)) return nack(NACK_CODE.invalidBaudrate);
        answer(true, 0);
        await this.pacer.idle();
        this.baud = parameter;
        return;
      case CMD.CmosLed:
        this.led = parameter !== 0;
        return answer(true, 0);
      case CMD.GetEnrollCount:
        return answer(true, this.library.size);
      case CMD.CheckEnrolled:
        if (parameter >= this.capacity) return nack(NACK_CODE.invalidPos);
        return this.library.has(parameter) ? answer(true, 0) : nack(NACK_CODE.isNotUsed);
      case CMD.EnrollStart:
        if (parameter >= this.capacity) return nack(NACK_CODE.invalidPos);
        if (this.library.size >= this.capacity) return nack(NACK_CODE.dbIsFull);
        if (this.library.has(parameter)) return nack(NACK_CODE.isAlreadyUsed);
        this.enrolment = { id: parameter, step: 0, templates: [] };
        return answer(true, 0);
      case CMD.Enroll1:
      case CMD.Enroll2:
      case CMD.Enroll3:
        return this.enroll(code - CMD.Enroll1 + 1, answer);
      case CMD.IsPressFinger: {
        const pressed = !this.faults.take(code, 'no_finger') && this.finger !== undefined && this.finger.quality !== 'none';
        if (!this.finger) this.emit('sensor', 'polled_empty');
        return answer(true, pressed ? 0 : 1);
      }
      case CMD.DeleteID:
        if (parameter >= this.capacity) return nack(NACK_CODE.invalidPos);
        if (!this.library.delete(parameter)) return nack(NACK_CODE.isNotUsed);
        return answer(true, 0);
      case CMD.DeleteAll:
        if (this.library.size === 0) return nack(NACK_CODE.dbIsEmpty);
        this.library.clear();
        return answer(true, 0);
      case CMD.Verify: {
        if (parameter >= this.capacity) return nack(NACK_CODE.invalidPos);
        const stored = this.library.get(parameter);
        if (!stored) return nack(NACK_CODE.isNotUsed);
        const probe = this.capturedTemplate();
        if (!probe) return nack(NACK_CODE.badFinger);
        return matchScore(probe, stored) >= MATCH_THRESHOLD ? answer(true, 0) : nack(NACK_CODE.verifyFailed);
      }
      case CMD.Identify: {
        const probe = this.capturedTemplate();
        if (!probe) return nack(NACK_CODE.badFinger);
        return this.identify(probe, answer);
      }
      case CMD.VerifyTemplate:
      case CMD.IdentifyTemplate:
      case CMD.SetTemplate:
        return this.withData(code, parameter, answer);
      case CMD.CaptureFinger:
        if (this.faults.take(code, 'capture_fail') || !this.finger || this.finger.quality === 'none') return nack(NACK_CODE.fingerIsNotPressed);
        this.attempts += 1;
        this.captured = {
          finger: this.finger,
          attempt: this.attempts,
          image: syntheticFingerprint({ seed: this.finger.seed, quality: this.finger.quality, attempt: this.attempts, ...IMAGE, ppi: GT521_PPI }),
        };
        return answer(true, 0);
      case CMD.MakeTemplate: {
        const t = this.capturedTemplate();
        if (!t) return nack(NACK_CODE.badFinger);
        answer(true, 0);
        return this.send(encodeDataPacket(t));
      }
      case CMD.GetImage:
        return this.getImage(corrupt, answer);
      case CMD.GetRawImage:
        answer(true, 0);
        return this.send(encodeDataPacket(this.rawFrame()));
      case CMD.GetTemplate: {
        if (parameter >= this.capacity) return nack(NACK_CODE.invalidPos);
        const t = this.library.get(parameter);
        if (!t) return nack(NACK_CODE.isNotUsed);
        answer(true, 0);
        return this.send(encodeDataPacket(t));
      }
      default:
        return nack(NACK_CODE.isNotSupported);
    }
  }

  /** The template of the captured image, or undefined when it has too few features. */
  private capturedTemplate(): Buffer | undefined {
    if (!this.captured) return undefined;
    const t = templateFor(this.captured.finger.seed, this.captured.finger.quality, this.captured.attempt, GT521_TEMPLATE);
    return t[1]! < 8 ? undefined : t;
  }

  private identify(probe: Uint8Array, answer: (ack: boolean, param?: number) => void): void {
    if (this.library.size === 0) return answer(false, NACK_CODE.dbIsEmpty);
    let best = { id: -1, score: 0 };
    for (const [id, t] of this.library) {
      const score = matchScore(probe, t);
      if (score > best.score) best = { id, score };
    }
    return best.score >= MATCH_THRESHOLD ? answer(true, best.id) : answer(false, NACK_CODE.identifyFailed);
  }

  private enroll(step: number, answer: (ack: boolean, param?: number) => void): void {
    const e = this.enrolment;
    if (!e || e.step !== step - 1) return answer(false, NACK_CODE.turnErr);
    const t = this.capturedTemplate();
    if (!t) return answer(false, NACK_CODE.badFinger);
    if (e.templates.length > 0 && matchScore(t, e.templates[0]!) < MATCH_THRESHOLD) {
      this.enrolment = undefined;
      return answer(false, NACK_CODE.enrollFailed);
    }
    e.templates.push(t);
    e.step = step;
    if (step < 3) return answer(true, 0);
    this.enrolment = undefined;
    // The finger may already be enrolled elsewhere: the NACK's parameter names that slot.
    for (const [id, stored] of this.library) if (matchScore(t, stored) >= MATCH_THRESHOLD) return answer(false, id);
    this.library.set(e.id, combineTemplates(combineTemplates(e.templates[0]!, e.templates[1]!), e.templates[2]!));
    return answer(true, 0);
  }

  private async withData(code: number, parameter: number, answer: (ack: boolean, param?: number) => void): Promise<void> {
    const id = parameter & 0xffff;
    if (code !== CMD.IdentifyTemplate && id >= this.capacity) return answer(false, NACK_CODE.invalidPos);
    // Armed before the ACK leaves: the host sends the data as soon as it reads the ACK.
    this.decoder.expectData(TEMPLATE_BYTES);
    const data = this.awaitData();
    answer(true, 0);
    const template = await data;
    if (!template) return answer(false, NACK_CODE.commErr);
    if (!isTemplate(template, GT521_TEMPLATE)) return answer(false, NACK_CODE.invalidParam);
    if (code === CMD.IdentifyTemplate) return this.identify(template, answer);
    if (code === CMD.VerifyTemplate) {
      const stored = this.library.get(id);
      if (!stored) return answer(false, NACK_CODE.isNotUsed);
      return matchScore(template, stored) >= MATCH_THRESHOLD ? answer(true, 0) : answer(false, NACK_CODE.verifyFailed);
    }
    const duplicateCheck = parameter >>> 16 === 0;
    if (duplicateCheck) {
      for (const [other, stored] of this.library) if (other !== id && matchScore(template, stored) >= MATCH_THRESHOLD) return answer(false, other);
    }
    this.library.set(id, Buffer.from(template));
    return answer(true, 0);
  }

  private async getImage(corrupt: boolean, answer: (ack: boolean, param?: number) => void): Promise<void> {
    if (!this.captured) return answer(false, NACK_CODE.fingerIsNotPressed);
    answer(true, 0);
    const packet = encodeDataPacket(this.captured.image.pixels);
    if (corrupt) packet[packet.length - 1]! ^= 0x5a;
    if (this.faults.take(CMD.GetImage, 'unplug_mid_image')) {
      this.send(packet.subarray(0, packet.length >> 1));
      await this.pacer.idle();
      return this.unplug();
    }
    this.send(packet);
    // Commands that follow wait until the image has left, as on the half-duplex wire.
    await this.pacer.idle();
    this.emit('sensor', 'image_sent');
  }

  /** GetRawImage: what the sensor sees now, 160 × 120 (every other pixel of a QVGA frame). */
  private rawFrame(): Uint8Array {
    const f = this.finger;
    const full = f
      ? syntheticFingerprint({ seed: f.seed, quality: f.quality, attempt: this.attempts + 1, ...IMAGE, ppi: GT521_PPI })
      : syntheticFingerprint({ seed: 0, quality: 'none', ...IMAGE });
    const out = new Uint8Array(RAW_IMAGE.width * RAW_IMAGE.height);
    for (let y = 0; y < RAW_IMAGE.height; y++) {
      const sy = Math.floor((y * IMAGE.height) / RAW_IMAGE.height);
      for (let x = 0; x < RAW_IMAGE.width; x++) out[y * RAW_IMAGE.width + x] = full.pixels[sy * IMAGE.width + Math.floor((x * IMAGE.width) / RAW_IMAGE.width)]!;
    }
    return out;
  }
}
