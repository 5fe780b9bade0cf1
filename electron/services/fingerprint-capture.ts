// The fingerprint step of an enrolment: one capture session per applicant, driven from
// the screen's actions, its progress pushed as 'capture.state'. Each finished finger is
// written at once — the kept image (PNG) and the reader's template sealed as blobs, the
// template's format beside it, the outcome in the enrolment — so a crash or an unplug loses
// no finger already taken.
//
// Lifecycle: a session lives while its enrolment is open. It asks for the configured reader
// on every attempt (saving a device rebuilds the readers), is dropped — images, templates
// and all — when the enrolment is submitted or the officer leaves it (`close`), and is
// built again from the store when the capture is opened after a restart: the fingers
// already saved stay finished, and their sealed templates join the duplicate check. A
// dropped connection or a reload of the screen is not leaving: the session carries on.
import type { CaptureFinger, CaptureView, FingerName, FingerprintInfo } from '../contract-types';
import { CaptureSession } from './capture-session';
import type { FingerRecord, ResumedFinger } from './capture-session';
import { fingerState } from '../../domain/capture-plan';
import type { CapturePlanConfig, CapturePlanState, Finger } from '../../domain/capture-plan';
import type { Store } from '../store/store';
import type { CaptureActionInput, CaptureService } from './capture';
import type { EnrolmentService } from './enrolment';
import type { QueueService } from './queue';
import { StationError } from './errors';
import { EDITABLE_STATUSES } from '../../domain/workflow';
import { isTemplateFormat } from '../../native/drivers/fingerprint-reader';
import type { FingerprintReader, FingerprintTemplate } from '../../native/drivers/fingerprint-reader';

interface Live {
  session: CaptureSession;
  view: CaptureView;
  officerId: string;
  /**
   * The capture flows: started with `flow`, each good capture starts the next planned finger
   * by itself, and so does a finger the officer skipped or accepted. A failure stops the flow
   * until the officer retries (the exception is theirs to decide).
   */
  flow: boolean;
}

export interface FingerprintReaderSource {
  /** The reader configured now (the device service rebuilds readers when a device is saved). */
  fingerprintReader(): { id: string; reader: FingerprintReader } | null;
}

const OWNER = 'appointment';
const FINISHED = new Set<FingerprintInfo['status']>(['captured', 'accepted_below_threshold', 'missing']);

export class FingerprintCaptureService implements CaptureService {
  private readonly live = new Map<string, Live>();

  constructor(
    private readonly store: Store,
    private readonly queue: QueueService,
    private readonly enrolment: EnrolmentService,
    private readonly readers: FingerprintReaderSource,
    private readonly plan: () => CapturePlanConfig,
    private readonly now: () => Date,
    private readonly push: (view: CaptureView) => void,
  ) {}

  view(appointmentId: string): CaptureView | null {
    return this.live.get(appointmentId)?.view ?? null;
  }

  /** Sessions held in memory (for tests and diagnostics). */
  get open(): number {
    return this.live.size;
  }

  start(officerId: string, appointmentId: string, flow = false): CaptureView {
    // An enrolment returned by a supervisor is corrected where it stands, fingers too.
    if (!EDITABLE_STATUSES.includes(this.queue.get(appointmentId).status)) throw new StationError('conflict', { reason: 'not_in_enrolment' });
    this.sweep(appointmentId);
    const existing = this.live.get(appointmentId);
    if (existing) {
      existing.officerId = officerId;
      if (flow) {
        existing.flow = true;
        // Back on the step (or a reload): the finger it waits for is asked for again.
        if (!existing.session.capturing && existing.view.state !== 'error') this.flowOn(existing);
      }
      return existing.view;
    }
    const reader = this.readers.fingerprintReader();
    if (!reader) throw new StationError('device', { key: 'device.fingerprint.not_configured' });
    const config = this.plan();
    const session = new CaptureSession({
      reader: () => this.readers.fingerprintReader()?.reader,
      plan: config,
      save: (record) => this.save(appointmentId, record),
      resume: this.savedFingers(appointmentId),
    });
    const live: Live = { session, officerId, view: initialView(appointmentId, reader.id, config), flow };
    this.live.set(appointmentId, live);
    this.wire(live);
    this.update(live, { fingers: toFingers(session.state, this.recorded(appointmentId)), current: session.nextFinger() ?? null, state: session.complete ? 'done' : 'idle' });
    if (flow) this.flowOn(live);
    return live.view;
  }

  /** In a flowing capture, starts the planned finger now (when there is one to take). */
  private flowOn(live: Live): void {
    if (!live.flow || live.session.capturing || live.session.complete) return;
    const next = (live.view.current ?? live.session.nextFinger() ?? null) as Finger | null;
    const f = next ? fingerState(live.session.state, next) : undefined;
    if (!next || !f || f.status !== 'pending' || f.attempts.length >= live.session.state.config.maxAttempts) return;
    this.begin(live, next, true);
  }

  /** One attempt at `finger`, running on: its progress, image and outcome arrive as 'capture.state'. */
  private begin(live: Live, finger: Finger, clearImage = false): void {
    const reader = this.readers.fingerprintReader();
    // A new finger starts with an empty live box; a retry keeps the last image until the new one.
    this.update(live, {
      deviceId: reader?.id ?? null, current: finger, state: 'waiting_finger', secondsLeft: null, progress: null,
      message: { key: 'capture.place_finger', params: { finger } }, ...(clearImage ? { image: null } : {}),
    });
    void live.session.capture(finger).then((r) => {
      if (!r.ok) return; // already reported through the session's 'failed' event
      const next = r.value.next === 'done' ? (live.session.nextFinger() ?? null) : finger;
      this.update(live, {
        state: live.session.complete ? 'done' : 'review', current: next, secondsLeft: null, progress: null,
        message: r.value.next === 'decide' ? { key: 'capture.decide', params: { max: live.view.maxAttempts, score: r.value.score } } : null,
      });
      if (r.value.next === 'done' && this.live.get(live.view.appointmentId) === live) this.flowOn(live);
    }).catch((err: unknown) => this.reportFailure(live, err));
  }

  async action(officerId: string, input: CaptureActionInput): Promise<CaptureView> {
    const live = this.live.get(input.appointmentId);
    if (!live) throw new StationError('conflict', { reason: 'capture_not_started' });
    live.officerId = officerId;
    const finger = (input.finger ?? live.view.current ?? undefined) as Finger | undefined;
    switch (input.action) {
      case 'select': {
        if (!finger || !fingerState(live.session.state, finger)) throw new StationError('bad_input', { reason: 'unknown_finger' }, 'finger');
        this.update(live, { current: finger, message: null });
        return live.view;
      }
      case 'retry': {
        if (live.session.capturing) throw new StationError('conflict', { reason: 'capture_running' });
        if (!finger) throw new StationError('conflict', { reason: 'no_finger_left' });
        this.begin(live, finger);
        return live.view;
      }
      case 'cancel':
        live.session.cancel();
        return live.view;
      case 'skip': {
        if (!finger || !input.missingReason || !input.note) throw new StationError('bad_input', { reason: 'reason_required' }, 'note');
        const r = await live.session.markMissing(finger, input.missingReason, input.note);
        if (!r.ok) throw new StationError('device', { key: r.error.key, ...r.error.params });
        this.update(live, { current: live.session.nextFinger() ?? null, state: live.session.complete ? 'done' : 'review', message: null });
        this.flowOn(live);
        return live.view;
      }
      case 'accept': {
        if (!finger || !input.note) throw new StationError('bad_input', { reason: 'reason_required' }, 'note');
        const r = await live.session.acceptBest(finger, input.note);
        if (!r.ok) throw new StationError('device', { key: r.error.key, ...r.error.params });
        this.update(live, { current: live.session.nextFinger() ?? null, state: live.session.complete ? 'done' : 'review', message: null });
        this.flowOn(live);
        return live.view;
      }
    }
  }

  /**
   * The officer leaves the enrolment: stop any wait and let go of the session. A finger
   * whose save failed is tried once more; if it still cannot be saved the session stays,
   * because dropping it would lose that finger.
   */
  async close(appointmentId: string): Promise<null> {
    const live = this.live.get(appointmentId);
    if (!live) return null;
    if (live.session.pendingSaves > 0 && !(await live.session.flushSaves()).ok) {
      throw new StationError('conflict', { reason: 'fingers_unsaved' });
    }
    this.drop(appointmentId, live);
    return null;
  }

  /** The enrolment went to approval: nothing of its capture is needed in memory any more. */
  release(appointmentId: string): void {
    const live = this.live.get(appointmentId);
    if (live && live.session.pendingSaves === 0) this.drop(appointmentId, live);
  }

  private drop(appointmentId: string, live: Live): void {
    live.session.dispose();
    this.live.delete(appointmentId);
  }

  /** Sessions of enrolments that moved on without passing here (returned, cancelled by a supervisor). */
  private sweep(except: string): void {
    for (const [id, live] of this.live) {
      if (id === except || live.session.capturing || live.session.pendingSaves > 0) continue;
      let open = false;
      try {
        open = EDITABLE_STATUSES.includes(this.queue.get(id).status);
      } catch {
        open = false;
      }
      if (!open) this.drop(id, live);
    }
  }

  private wire(live: Live): void {
    const s = live.session;
    s.on('countdown', (c) => this.update(live, { state: 'waiting_finger', secondsLeft: c.seconds, message: { key: 'capture.place_finger_countdown', params: { seconds: c.seconds, finger: c.finger } } }));
    s.on('progress', (p) => this.update(live, { state: 'transferring', secondsLeft: null, progress: p.total ? p.received / p.total : null, message: { key: 'capture.transferring' } }));
    // The image and its score go to the screen as soon as they are known; the duplicate
    // check and the plan's verdict follow ('image' then the attempt's outcome).
    s.on('scored', (i) => this.update(live, { state: 'scoring', progress: null, secondsLeft: null, image: { pngBase64: i.png.toString('base64'), score: i.score, finger: i.finger }, message: { key: 'capture.checking' } }));
    s.on('plan', (state) => this.update(live, { fingers: toFingers(state, this.recorded(live.view.appointmentId)) }));
    s.on('duplicate', (d) => this.update(live, { message: { key: 'capture.duplicate_finger', params: { other: d.other } } }));
    s.on('failed', (f) => this.update(live, { state: 'error', secondsLeft: null, progress: null, message: { key: f.error.key, ...(f.error.params ? { params: f.error.params } : {}) } }));
  }

  /** A failure that escaped the session: the screen says so, the station keeps running. */
  private reportFailure(live: Live, err: unknown): void {
    console.error(`[capture] ${live.view.appointmentId}: ${(err as Error)?.stack ?? String(err)}`);
    try {
      this.update(live, { state: 'error', secondsLeft: null, progress: null, message: { key: 'capture.failed' } });
    } catch (again) {
      console.error(`[capture] could not report it: ${(again as Error)?.message ?? String(again)}`);
    }
  }

  private update(live: Live, patch: Partial<CaptureView>): void {
    live.view = { ...live.view, ...patch };
    this.push(live.view);
  }

  private recorded(appointmentId: string): Map<string, FingerprintInfo> {
    return new Map(this.enrolment.view(appointmentId).fingerprints.map((f) => [f.finger, f]));
  }

  /** What an earlier session saved for this enrolment, with the sealed templates opened again. */
  private savedFingers(appointmentId: string): ResumedFinger[] {
    return this.enrolment.view(appointmentId).fingerprints.filter((f) => FINISHED.has(f.status)).map((f) => {
      const r: ResumedFinger = { finger: f.finger, status: f.status, attempts: f.attempts, score: f.score };
      if (f.missingReason) r.missingReason = f.missingReason;
      if (f.note) r.note = f.note;
      const template = f.templateBlobId ? this.openTemplate(f.templateBlobId) : undefined;
      if (template) r.template = template;
      return r;
    });
  }

  private openTemplate(blobId: string): FingerprintTemplate | undefined {
    const b = this.store.blobs.get(blobId);
    const format = b?.info.meta.format;
    return b && isTemplateFormat(format) ? { format, data: b.data } : undefined;
  }

  /** Seals the kept image and template, then records the finger's outcome in the enrolment. */
  private async save(appointmentId: string, record: FingerRecord): Promise<void> {
    const live = this.live.get(appointmentId);
    const at = this.now().toISOString();
    // The image, its template and the finger's outcome are written together, or not at all.
    this.store.tx(() => {
      let blobId: string | null = null;
      let template: { blobId: string; format: string } | undefined;
      if (record.image) {
        blobId = this.store.blobs.put({ type: OWNER, id: appointmentId }, 'fingerprint', 'image/png', record.image.png, {
          finger: record.finger, score: record.image.score, ppi: record.image.ppi, width: record.image.width, height: record.image.height, attempt: record.image.attemptNumber,
        }, at);
        const t = record.image.template;
        if (t) {
          const id = this.store.blobs.put({ type: OWNER, id: appointmentId }, 'fingerprint_template', 'application/octet-stream', t.data, { finger: record.finger, format: t.format, bytes: t.data.length }, at);
          template = { blobId: id, format: t.format };
        }
      }
      this.recordOutcome(live, appointmentId, record, blobId, template);
    });
  }

  private recordOutcome(live: Live | undefined, appointmentId: string, record: FingerRecord, blobId: string | null, template: { blobId: string; format: string } | undefined): void {
    const info: FingerprintInfo = {
      finger: record.finger, status: record.status, score: record.image?.score ?? null, attempts: record.attempts, blobId,
      ...(record.missingReason ? { missingReason: record.missingReason } : {}), ...(record.note ? { note: record.note } : {}),
      ...(template ? { templateBlobId: template.blobId, templateFormat: template.format } : {}),
    };
    const byFinger = new Map(this.enrolment.view(appointmentId).fingerprints.map((f) => [f.finger, f]));
    // Fingers of the plan not finished yet are listed as pending, so the summary knows.
    for (const f of live?.session.state.fingers ?? []) {
      if (!byFinger.has(f.finger)) byFinger.set(f.finger, { finger: f.finger, status: 'pending', score: null, attempts: 0, blobId: null });
    }
    byFinger.set(record.finger, info);
    this.enrolment.recordFingerprints(live?.officerId ?? '', appointmentId, [...byFinger.values()]);
  }
}

function initialView(appointmentId: string, deviceId: string, config: CapturePlanConfig): CaptureView {
  return {
    appointmentId, deviceId, state: 'idle', current: null, threshold: config.qualityThreshold, maxAttempts: config.maxAttempts,
    fingers: [], image: null, secondsLeft: null, progress: null, message: null,
  };
}

function toFingers(state: CapturePlanState, recorded: Map<string, FingerprintInfo>): CaptureFinger[] {
  return state.fingers.map((f) => {
    const saved = recorded.get(f.finger);
    return {
      finger: f.finger as FingerName,
      status: f.status,
      score: f.bestScore ?? null,
      attempts: f.attempts.length,
      attemptsLeft: Math.max(0, state.config.maxAttempts - f.attempts.length),
      blobId: saved?.blobId ?? null,
      ...(f.missingReason ? { missingReason: f.missingReason } : {}),
      ...(f.note ? { note: f.note } : {}),
    };
  });
}
