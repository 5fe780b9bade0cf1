// A fingerprint capture session: drives a reader through the capture plan
// (domain/capture-plan.ts), scores each image, keeps the best attempt per finger,
// checks a new capture against the other fingers already taken (the reader's own 1:1
// matcher, on templates of its family), and hands every finished finger to the injected
// `save` — which the station backs with encrypted storage.
//
// The session knows readers only through native/drivers/fingerprint-reader.ts, and looks its
// reader up on every attempt: the technician may save a device (the station then rebuilds
// its readers) or swap the reader between two fingers, and the next attempt uses the one
// configured now. What it holds in memory is what the next attempt needs: the templates of
// finished fingers (for the duplicate check) and the images not yet saved; `dispose` drops
// the rest when the enrolment is done with.
//
// Plain Node: no Electron, no store. Events carry what the screen shows; errors are
// values with translation keys, and every failure — even a reader that throws — is
// reported as a 'failed' event and a failed Result.
//
// Which failures count as an attempt: those that come from the applicant's finger (no
// finger within the time, capture failed, duplicate finger, a scored image). Failures of
// the link or of the officer's own making (cancel, unplug, timeout, damaged data) do not.
import { EventEmitter } from 'node:events';
import { canCompare } from '../../native/drivers/fingerprint-reader';
import type { FingerprintReader, FingerprintTemplate } from '../../native/drivers/fingerprint-reader';
import { encodeGrayPng } from '../../native/imaging/png';
import { fingerprintQuality } from '../../native/imaging/quality';
import { DEVICE_KEYS, fail, ok } from '../../native/result';
import type { DeviceError, Result } from '../../native/result';
import {
  DEFAULT_PLAN, acceptBest, canAttempt, createPlan, fingerState, isComplete, markMissing, nextFinger, recordAttempt, restorePlan,
} from '../../domain/capture-plan';
import type { CapturePlanConfig, CapturePlanState, Finger, FingerStatus, MissingReason, PlanError, SavedFinger } from '../../domain/capture-plan';

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
    /** The reader's feature template, in its family's format, when it could make one. */
    template?: FingerprintTemplate;
  };
  missingReason?: MissingReason;
  note?: string;
  finishedAt: string;
}

/** A finger an earlier session already saved, with its template: a resumed session starts from these. */
export interface ResumedFinger extends SavedFinger {
  template?: FingerprintTemplate;
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
  duplicate: [{ finger: Finger; other: Finger; score: number | undefined }];
  /** Not 'error': Node throws on an 'error' event nobody listens to. */
  failed: [{ finger: Finger | undefined; error: DeviceError }];
  plan: [CapturePlanState];
}

export interface CaptureSessionOptions {
  /** The reader to use now; asked again on every attempt (undefined: none configured). */
  reader: () => FingerprintReader | undefined;
  plan?: CapturePlanConfig;
  save: (record: FingerRecord) => Promise<void>;
  /** How long to wait for a finger per attempt (ms). */
  fingerTimeoutMs?: number;
  /** How often the reader asks for a finger (ms). */
  pollMs?: number;
  /** Compare each new capture with the other fingers (needs the reader's matcher). */
  duplicateCheck?: boolean;
  /** Fingers saved before a restart: they stay finished, their templates join the duplicate check. */
  resume?: readonly ResumedFinger[];
}

interface Kept {
  /** The image until the finger is saved; only the template stays after that. */
  png?: Buffer;
  width: number;
  height: number;
  ppi: number;
  score: number;
  attemptNumber: number;
  template?: FingerprintTemplate;
}

const COUNTED_ERRORS = new Set<DeviceError['code']>(['rejected']);
const NO_READER = 'device.fingerprint.not_configured';

export class CaptureSession extends EventEmitter<CaptureSessionEvents> {
  private plan: CapturePlanState;
  private readonly kept = new Map<Finger, Kept>();
  private readonly unsaved: FingerRecord[] = [];
  private running: AbortController | undefined;
  private disposed = false;

  constructor(private readonly opts: CaptureSessionOptions) {
    super();
    const config = opts.plan ?? DEFAULT_PLAN;
    this.plan = opts.resume?.length ? restorePlan(config, opts.resume) : createPlan(config);
    for (const r of opts.resume ?? []) {
      if (!r.template || !fingerState(this.plan, r.finger)) continue;
      this.kept.set(r.finger, { width: 0, height: 0, ppi: 0, score: r.score ?? 0, attemptNumber: r.attempts, template: r.template });
    }
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

  /** What the session holds in memory: images not yet saved, templates kept for the duplicate check. */
  get held(): { images: number; templates: number } {
    const images = [...this.kept.values()].filter((k) => k.png).length + this.unsaved.filter((r) => r.image).length;
    return { images, templates: [...this.kept.values()].filter((k) => k.template).length };
  }

  nextFinger(): Finger | undefined {
    return nextFinger(this.plan);
  }

  /** Stops the running capture; it returns a 'cancelled' error and counts no attempt. */
  cancel(): void {
    this.running?.abort();
  }

  /** The enrolment is done with: stop, and let go of every image and template. */
  dispose(): void {
    this.disposed = true;
    this.cancel();
    this.kept.clear();
    this.removeAllListeners();
  }

  /** One attempt at a finger (default: the next one in the plan). Never rejects. */
  async capture(finger: Finger | undefined = this.nextFinger()): Promise<Result<AttemptReport>> {
    if (this.disposed) return this.failWith(finger, fail('rejected', 'capture.closed'));
    await this.flushSaves();
    if (this.running) return this.failWith(finger, fail('busy', 'capture.busy'));
    if (!finger) return this.failWith(finger, fail('rejected', 'capture.no_finger_left'));
    if (!canAttempt(this.plan, finger)) {
      const f = fingerState(this.plan, finger);
      return this.failWith(finger, fail('rejected', f ? (f.status === 'needs_decision' ? 'capture.decide' : 'capture.plan.finger_finished') : 'capture.plan.unknown_finger', f?.status === 'needs_decision' ? { max: this.plan.config.maxAttempts, score: f.bestScore ?? 0 } : undefined));
    }
    const reader = this.opts.reader();
    if (!reader) return this.failWith(finger, fail('disconnected', NO_READER));
    const controller = new AbortController();
    this.running = controller;
    try {
      return await this.attempt(reader, finger, controller.signal);
    } catch (err) {
      // A reader (or a listener) that throws instead of answering: the officer still hears of it.
      return this.failWith(finger, fail('io', 'capture.failed', undefined, (err as Error)?.stack ?? String(err)));
    } finally {
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
      // Saved and sealed: the image is in the store now, only the template is needed here.
      const k = this.kept.get(record.finger);
      if (k) delete k.png;
      this.emit('finger_done', record);
    }
    return ok(undefined);
  }

  // ---- one attempt ----

  private async attempt(reader: FingerprintReader, finger: Finger, signal: AbortSignal): Promise<Result<AttemptReport>> {
    const image = await reader.capture({
      timeoutMs: this.opts.fingerTimeoutMs ?? 15_000,
      pollMs: this.opts.pollMs ?? 100,
      signal,
      onEvent: (e) => {
        if (e.kind === 'waiting') this.emit('countdown', { finger, remainingMs: e.remainingMs, seconds: e.seconds });
        else this.emit('progress', { finger, received: e.received, total: e.total });
      },
    });
    if (!image.ok) return this.failedAttempt(finger, image.error);
    const { ppi } = image.value;
    const score = fingerprintQuality(image.value, { ppi }).score;
    const png = encodeGrayPng(image.value, ppi);
    // The officer sees the image and its score at once; whether it is kept (duplicate
    // check, plan) follows with the 'image' event.
    this.emit('scored', { finger, score, png });

    let template: FingerprintTemplate | undefined;
    if (this.opts.duplicateCheck !== false) {
      const extracted = await reader.extractTemplate();
      if (extracted.ok) {
        template = extracted.value;
        const dup = await this.findDuplicate(reader, finger, template);
        if (!dup.ok) return this.failedAttempt(finger, dup.error);
        if (dup.value) {
          this.emit('duplicate', { finger, other: dup.value.other, score: dup.value.score });
          return this.failedAttempt(finger, { code: 'rejected', key: 'capture.duplicate_finger', params: { other: dup.value.other } });
        }
      } else if (extracted.error.code !== 'rejected') {
        return this.failedAttempt(finger, extracted.error);
      }
      // A module that finds too few features still gave an image: its score says how bad.
    }

    const recorded = recordAttempt(this.plan, finger, score);
    if (!recorded.ok) return this.planError(finger, recorded.error);
    const { outcome } = recorded;
    this.setPlan(outcome.state);
    const attemptNumber = fingerState(outcome.state, finger)!.attempts.length;
    if (outcome.kept) {
      const k: Kept = { png, width: image.value.width, height: image.value.height, ppi, score, attemptNumber };
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

  /** Compares the new template with every other finger's kept one this reader can read. */
  private async findDuplicate(reader: FingerprintReader, finger: Finger, template: FingerprintTemplate): Promise<Result<{ other: Finger; score: number | undefined } | undefined>> {
    if (!canCompare(reader, template)) return ok(undefined);
    for (const [other, k] of this.kept) {
      // A template of another family (the reader was swapped) cannot be compared here.
      if (other === finger || !k.template || !canCompare(reader, k.template)) continue;
      const m = await reader.compare(template, k.template);
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
    if (k?.png && f.status !== 'missing') {
      record.image = { png: k.png, width: k.width, height: k.height, ppi: k.ppi, score: k.score, attemptNumber: k.attemptNumber };
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
    if (!r.ok) {
      try {
        this.emit('failed', { finger, error: r.error });
      } catch {
        // A listener that fails while reporting a failure must not turn it into a throw.
      }
    }
    return r;
  }
}
