// The capture session with the in-process simulator (memory pair): events, saving (and a
// save that fails must lose nothing), busy refusal, and what counts as an attempt.
import { afterEach, describe, expect, it } from 'vitest';
import { CaptureSession } from '../../../electron/services/capture-session';
import type { FingerRecord } from '../../../electron/services/capture-session';
import { ZfmDriver } from '../../../native/drivers/zfm/driver';
import { zfmMemorySim } from '../../../native/sim/zfm-memory-sim';
import type { ZfmMemorySim } from '../../../native/sim/zfm-memory-sim';

let sim: ZfmMemorySim;
let driver: ZfmDriver;
afterEach(() => driver?.detach());

async function rig(save: (r: FingerRecord) => Promise<void>, fingerTimeoutMs = 3000) {
  const plan = { fingers: ['right_thumb', 'left_thumb'] as const, qualityThreshold: 50, maxAttempts: 3 };
  sim = zfmMemorySim();
  driver = new ZfmDriver({ ackTimeoutMs: 1500, dataTimeoutMs: 500 });
  driver.attach(await sim.connect({}));
  return new CaptureSession({ reader: () => driver, plan: { ...plan, fingers: [...plan.fingers] }, save, fingerTimeoutMs, pollMs: 20 });
}

describe('CaptureSession (in-process simulator)', () => {
  it('emits countdown, progress, image and finger_done, and saves each finished finger', async () => {
    const saved: FingerRecord[] = [];
    const s = await rig(async (r) => void saved.push(r));
    const events: string[] = [];
    s.on('countdown', () => events.includes('countdown') || events.push('countdown'));
    s.on('progress', () => events.includes('progress') || events.push('progress'));
    s.on('image', (e) => events.push(`image ${e.finger} ${e.kept}`));
    s.on('finger_done', (r) => events.push(`done ${r.finger} ${r.status}`));
    setTimeout(() => sim.sim.placeFinger('r-thumb'), 60);
    const r = await s.capture();
    expect(r.ok && r.value).toMatchObject({ finger: 'right_thumb', next: 'done', saved: true, attemptNumber: 1 });
    expect(events).toEqual(['countdown', 'progress', 'image right_thumb true', 'done right_thumb captured']);
    expect(saved[0]).toMatchObject({ finger: 'right_thumb', status: 'captured', attempts: 1, image: { width: 256, height: 288, ppi: 500, attemptNumber: 1 } });
    expect(s.nextFinger()).toBe('left_thumb');
  });

  it('a save that fails loses nothing: the record is kept and saved on the next call', async () => {
    const saved: FingerRecord[] = [];
    let failing = true;
    const s = await rig(async (r) => {
      if (failing) throw new Error('disk full');
      saved.push(r);
    });
    const failures: string[] = [];
    s.on('failed', (e) => failures.push(e.error.key));
    sim.sim.placeFinger('r-thumb');
    const r = await s.capture();
    expect(r.ok && r.value.saved).toBe(false);
    expect(failures).toEqual(['capture.save_failed']);
    expect(s.pendingSaves).toBe(1);
    expect(s.complete).toBe(false);
    failing = false;
    sim.sim.placeFinger('l-thumb');
    const next = await s.capture();
    expect(next.ok).toBe(true);
    expect(saved.map((x) => x.finger)).toEqual(['right_thumb', 'left_thumb']);
    expect(s.complete).toBe(true);
  });

  it('refuses a second capture while one runs, counts a no-finger timeout, not a cancel', async () => {
    const s = await rig(async () => undefined, 800);
    const first = s.capture();
    const second = await s.capture();
    expect(!second.ok && second.error.key).toBe('capture.busy');
    const r = await first; // nobody on the sensor: times out after 800 ms
    expect(!r.ok && r.error.key).toBe('device.zfm.no_finger');
    expect(s.state.fingers[0]!.attempts).toEqual([{ number: 1, score: null, errorKey: 'device.zfm.no_finger' }]);
    const c = s.capture();
    setTimeout(() => s.cancel(), 50);
    expect((await c).ok).toBe(false);
    expect(s.state.fingers[0]!.attempts).toHaveLength(1);
  });

  it('a capture on a disconnected reader is an error value; after reattach it works', async () => {
    const s = await rig(async () => undefined);
    sim.link!.unplug();
    const r = await s.capture();
    expect(!r.ok && r.error).toMatchObject({ code: 'disconnected', key: 'device.disconnected' });
    driver.attach(await sim.connect({}));
    sim.sim.placeFinger('r-thumb');
    expect((await s.capture()).ok).toBe(true);
  });

  it('holds only the templates once fingers are saved, and nothing after dispose', async () => {
    const s = await rig(async () => undefined);
    sim.sim.placeFinger('r-thumb');
    expect((await s.capture()).ok).toBe(true);
    expect(s.held).toEqual({ images: 0, templates: 1 });
    s.dispose();
    expect(s.held).toEqual({ images: 0, templates: 0 });
    const after = await s.capture();
    expect(!after.ok && after.error.key).toBe('capture.closed');
  });

  it('an image whose save failed stays in memory until it is saved', async () => {
    let failing = true;
    const s = await rig(async () => { if (failing) throw new Error('disk full'); });
    sim.sim.placeFinger('r-thumb');
    await s.capture();
    expect(s.held.images).toBeGreaterThan(0);
    failing = false;
    expect((await s.flushSaves()).ok).toBe(true);
    expect(s.held.images).toBe(0);
  });

  it('looks its reader up on every attempt: none configured is a clear error, a new one is used at once', async () => {
    const slot: { reader?: ZfmDriver } = {};
    const s = new CaptureSession({ reader: () => slot.reader, plan: { fingers: ['right_thumb'], qualityThreshold: 50, maxAttempts: 3 }, save: async () => undefined, fingerTimeoutMs: 2000, pollMs: 20 });
    const none = await s.capture();
    expect(!none.ok && none.error.key).toBe('device.fingerprint.not_configured');
    expect(s.state.fingers[0]!.attempts).toHaveLength(0);
    sim = zfmMemorySim();
    slot.reader = driver = new ZfmDriver({ ackTimeoutMs: 1500, dataTimeoutMs: 500 });
    driver.attach(await sim.connect({}));
    sim.sim.placeFinger('r-thumb');
    expect((await s.capture()).ok).toBe(true);
  });

  it('refuses plan violations with translation keys', async () => {
    const s = await rig(async () => undefined);
    const a = await s.acceptBest('right_thumb', 'x');
    expect(!a.ok && a.error).toMatchObject({ key: 'capture.plan.not_allowed_before_max_attempts', params: { max: 3 } });
    const m = await s.markMissing('right_thumb', 'other');
    expect(!m.ok && m.error.key).toBe('capture.plan.reason_required');
    const u = await s.capture('left_index');
    expect(!u.ok && u.error.key).toBe('capture.plan.unknown_finger');
  });
});
