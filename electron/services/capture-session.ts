// A fingerprint capture session: drives a ZFM reader through the capture plan
// (domain/capture-plan.ts), scores each image, keeps the best attempt per finger,
// checks a new capture against the other fingers already taken (the module's own matcher:
// Img2Tz + UpChar for the new one, DownChar + Match against each other), and hands every
// finished finger to the injected `save` — which the station backs with encrypted storage.
//
// Plain Node: no Electron, no store. Events carry what the screen shows; errors are
// values with translation keys. Cancel, retry and unplug/replug all leave the session
// ready for the next capture (the driver outlives its transport).
//
// Which failures count as an attempt: those that come from the applicant's finger (no
// finger within the time, capture failed, duplicate finger, a scored image). Failures of
// the link or of the officer's own making (cancel, unplug, timeout, damaged data) do not.
import { EventEmitter } from 'node:events';
import type { ZfmDriver } from '../../native/drivers/zfm/driver';
import { unpack4bpp } from '../../native/imaging/fingerprint-image';
import { encodeGrayPng } from '../../native/imaging/png';
import { fingerprintQuality } from '../../native/imaging/quality';
import { DEVICE_KEYS, fail, ok } from '../../native/result';
import type { DeviceError, Result } from '../../native/result';
import {
  DEFAULT_PLAN, acceptBest, canAttempt, createPlan, fingerState, isComplete, markMissing, nextFinger, recordAttempt,
} from '../../domain/capture-plan';
import type { CapturePlanConfig, CapturePlanState, Finger, FingerStatus, MissingReason, PlanError } from '../../domain/capture-plan';

/** What the session hands to `save` for each finished finger. */
export interface FingerRecord {
  finger: Finger;
  status: Extract<FingerStatus, 'captured' | 'accepted_below_threshold' | 'missing'>;
  /** Attempts made for this finger, all counted. */
  attempts: number;
  /** The kept attempt (absent for a missing finger). */
  image?: {
    png: Buffer;
    width: number;
    height: number;
    ppi: number;
    score: number;
    attemptNumber: number;
    /** The module's feature template (character file), when it could make one. */
    template?: Buffer;
  };
  missingReason?: MissingReason;
  note?: string;
  finishedAt: string;
}

export interface AttemptReport {
  finger: Finger;
  attemptNumber: number;
  score: number;
  kept: boolean;
  next: 'done' | 'retry' | 'decide';
  /** Whether the finished finger reached `save` (false: it is kept and saved later). */
  saved?: boolean;
}

export interface CaptureSessionEvents {
  countdown: [{ finger: Finger; remainingMs: number; seconds: number }];
  progress: [{ finger: Finger; received: number; total: number }];
  /** The image is in and scored, before the duplicate check decides whether it counts. */
  scored: [{ finger: Finger; score: number; png: Buffer }];
  image: [{ finger: Finger; attemptNumber: number; score: number; kept: boolean; png: Buffer }];
  finger_done: [FingerRecord];
  duplicate: [{ finger: Finger; other: Finger; score: number }];
  /** Not 'error': Node throws on an 'error' event nobody listens to. */
  failed: [{ finger: Finger | undefined; error: DeviceError }];
  plan: [CapturePlanState];
}

export interface CaptureSessionOptions {
  driver: ZfmDriver;
  plan?: CapturePlanConfig;
  save: (record: FingerRecord) => Promise<void>;
  /** How long to wait for a finger per attempt (ms). */
  fingerTimeoutMs?: number;
  /** GenImg polling interval (ms). */
  pollMs?: number;
  /** Compare each new capture with the other fingers (needs the module's matcher). */
  duplicateCheck?: boolean;
}

interface Kept {
  png: Buffer;
  width: number;
  height: number;
  score: number;
  attemptNumber: number;
  template?: Buffer;
}

const COUNTED_ERRORS = new Set<DeviceError['code']>(['rejected']);

export class CaptureSession extends EventEmitter<CaptureSessionEvents> {
  private plan: CapturePlanState;
  private readonly kept = new Map<Finger, Kept>();
  private readonly unsaved: FingerRecord[] = [];
  private running: AbortController | undefined;
  private transferringImage = false;

  constructor(private readonly opts: CaptureSessionOptions) {
    super();
    this.plan = createPlan(opts.plan ?? DEFAULT_PLAN);
  }

  get state(): CapturePlanState {
    return this.plan;
  }

  get complete(): boolean {
    return isComplete(this.plan) && this.unsaved.length === 0;
  }

  get capturing(): boolean {
    return this.running !== undefined;
  }

  /** Finished fingers that `save` refused so far (they are retried on every call). */
  get pendingSaves(): number {
    return this.unsaved.length;
  }

  nextFinger(): Finger | undefined {
    return nextFinger(this.plan);
  }

  /** Stops the running capture; it returns a 'cancelled' error and counts no attempt. */
  cancel(): void {
    this.running?.abort();
  }

  /** One attempt at a finger (default: the next one in the plan). */
  async capture(finger: Finger | undefined = this.nextFinger()): Promise<Result<AttemptReport>> {
    await this.flushSaves();
    if (this.running) return this.failWith(finger, fail('busy', 'capture.busy'));
    if (!finger) return this.failWith(finger, fail('rejected', 'capture.no_finger_left'));
    if (!canAttempt(this.plan, finger)) {
      const f = fingerState(this.plan, finger);
      return this.failWith(finger, fail('rejected', f ? (f.status === 'needs_decision' ? 'capture.decide' : 'capture.plan.finger_finished') : 'capture.plan.unknown_finger', f?.status === 'needs_decision' ? { max: this.plan.config.maxAttempts, score: f.bestScore ?? 0 } : undefined));
    }
    const controller = new AbortController();
    this.running = controller;
    const { driver } = this.opts;
    const onCountdown = (c: { remainingMs: number; message: { params: { seconds: number } } }): void => {
      this.emit('countdown', { finger, remainingMs: c.remainingMs, seconds: c.message.params.seconds });
    };
    const onProgress = (p: { received: number; total: number }): void => {
      // Only the image's transfer is shown as progress; the template upload that follows
      // for the duplicate check is not "the image" to the officer.
      if (!this.transferringImage) return;
      this.emit('progress', { finger, ...p });
    };
    driver.on('countdown', onCountdown);
    driver.on('progress', onProgress);
    try {
      return await this.attempt(finger, controller.signal);
    } finally {
      driver.off('countdown', onCountdown);
      driver.off('progress', onProgress);
      this.running = undefined;
    }
  }

  /** After the maximum attempts: keep the best image below the threshold, with a reason. */
  async acceptBest(finger: Finger, note: string): Promise<Result<FingerRecord>> {
    const r = acceptBest(this.plan, finger, note);
    if (!r.ok) return this.planError(finger, r.error);
    this.setPlan(r.state);
    return ok(await this.finish(finger));
  }

  /** Marks a finger missing or injured (with a reason); it is saved as such. */
  async markMissing(finger: Finger, reason: MissingReason, note = ''): Promise<Result<FingerRecord>> {
    const r = markMissing(this.plan, finger, reason, note);
    if (!r.ok) return this.planError(finger, r.error);
    this.setPlan(r.state);
    this.kept.delete(finger);
    return ok(await this.finish(finger));
  }

  /** Tries `save` again for finished fingers it refused. */
  async flushSaves(): Promise<Result<void>> {
    while (this.unsaved.length > 0) {
      const record = this.unsaved[0]!;
      try {
        await this.opts.save(record);
      } catch (err) {
        return this.failWith(record.finger, fail('io', 'capture.save_failed', undefined, (err as Error).message));
      }
      this.unsaved.shift();
      this.emit('finger_done', record);
    }
    return ok(undefined);
  }

  // ---- one attempt ----

  private async attempt(finger: Finger, signal: AbortSignal): Promise<Result<AttemptReport>> {
    const { driver } = this.opts;
    this.transferringImage = true;
    const image = await driver.captureImage({ timeoutMs: this.opts.fingerTimeoutMs ?? 15_000, pollMs: this.opts.pollMs ?? 100, signal })
      .finally(() => { this.transferringImage = false; });
    if (!image.ok) return this.failedAttempt(finger, image.error);
    const gray = unpack4bpp(image.value.packed, image.value.width, image.value.height);
    const score = fingerprintQuality(gray).score;
    const png = encodeGrayPng(gray, 500);
    // The officer sees the image and its score at once; whether it is kept (duplicate
    // check, plan) follows with the 'image' event.
    this.emit('scored', { finger, score, png });

    let template: Buffer | undefined;
    if (this.opts.duplicateCheck !== false) {
      const features = await driver.img2Tz(1);
      if (features.ok) {
        const up = await driver.upChar(1);
        if (!up.ok) return this.failedAttempt(finger, up.error);
        template = up.value;
        const dup = await this.findDuplicate(finger, template);
        if (!dup.ok) return this.failedAttempt(finger, dup.error);
        if (dup.value) {
          this.emit('duplicate', { finger, other: dup.value.other, score: dup.value.score });
          return this.failedAttempt(finger, { code: 'rejected', key: 'capture.duplicate_finger', params: { other: dup.value.other } });
        }
      } else if (features.error.code !== 'rejected') {
        return this.failedAttempt(finger, features.error);
      }
      // A module that finds too few features still gave an image: its score says how bad.
    }

    const recorded = recordAttempt(this.plan, finger, score);
    if (!recorded.ok) return this.planError(finger, recorded.error);
    const { outcome } = recorded;
    this.setPlan(outcome.state);
    const attemptNumber = fingerState(outcome.state, finger)!.attempts.length;
    if (outcome.kept) {
      const k: Kept = { png, width: image.value.width, height: image.value.height, score, attemptNumber };
      if (template) k.template = template;
      this.kept.set(finger, k);
    }
    this.emit('image', { finger, attemptNumber, score, kept: outcome.kept, png });
    const report: AttemptReport = { finger, attemptNumber, score, kept: outcome.kept, next: outcome.next };
    if (outcome.next === 'done') {
      const record = await this.finish(finger);
      report.saved = !this.unsaved.includes(record);
    }
    return ok(report);
  }

  /** Compares the template in char buffer 1 with every other finger's kept template. */
  private async findDuplicate(finger: Finger, _template: Buffer): Promise<Result<{ other: Finger; score: number } | undefined>> {
    const { driver } = this.opts;
    for (const [other, k] of this.kept) {
      if (other === finger || !k.template) continue;
      const down = await driver.downChar(2, k.template);
      if (!down.ok) return down;
      const m = await driver.match();
      if (!m.ok) return m;
      if (m.value.matched) return ok({ other, score: m.value.score });
    }
    return ok(undefined);
  }

  private failedAttempt(finger: Finger, error: DeviceError): Result<never> {
    if (COUNTED_ERRORS.has(error.code) && error.key !== DEVICE_KEYS.cancelled) {
      const r = recordAttempt(this.plan, finger, null, error.key);
      if (r.ok) this.setPlan(r.outcome.state);
    }
    return this.failWith(finger, { ok: false, error });
  }

  private async finish(finger: Finger): Promise<FingerRecord> {
    const f = fingerState(this.plan, finger)!;
    const record: FingerRecord = {
      finger,
      status: f.status as FingerRecord['status'],
      attempts: f.attempts.length,
      finishedAt: new Date().toISOString(),
    };
    const k = this.kept.get(finger);
    if (k && f.status !== 'missing') {
      record.image = { png: k.png, width: k.width, height: k.height, ppi: 500, score: k.score, attemptNumber: k.attemptNumber };
      if (k.template) record.image.template = k.template;
    }
    if (f.missingReason) record.missingReason = f.missingReason;
    if (f.note) record.note = f.note;
    this.unsaved.push(record);
    await this.flushSaves();
    return record;
  }

  private setPlan(state: CapturePlanState): void {
    this.plan = state;
    this.emit('plan', state);
  }

  private planError(finger: Finger, error: PlanError): Result<never> {
    const params = error === 'not_allowed_before_max_attempts' ? { max: this.plan.config.maxAttempts } : undefined;
    return this.failWith(finger, fail('rejected', `capture.plan.${error}`, params));
  }

  private failWith<T>(finger: Finger | undefined, r: Result<T>): Result<T> {
    if (!r.ok) this.emit('failed', { finger, error: r.error });
    return r;
  }
}
