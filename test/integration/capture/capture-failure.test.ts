// A capture attempt runs on after the screen's call returns; whatever goes wrong in it must
// reach the officer's screen and must not take the station down. Here a reader that throws
// instead of answering (a driver bug), behind the real capture service on a real store.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../../electron/store/store';
import { QueueService } from '../../../electron/services/queue';
import { WorkflowService } from '../../../electron/services/workflow';
import { EnrolmentService } from '../../../electron/services/enrolment';
import { OfficersService } from '../../../electron/services/officers';
import { FingerprintCaptureService } from '../../../electron/services/fingerprint-capture';
import { DEFAULT_PLAN } from '../../../domain/capture-plan';
import type { CaptureView } from '../../../electron/contract-types';
import type { FingerprintReader } from '../../../native/drivers/fingerprint-reader';
import { zfmCapabilities } from '../../../native/drivers/zfm/zfm-reader';

let dir: string;
let store: Store;
let capture: FingerprintCaptureService;
let views: CaptureView[];
let appointmentId: string;
let officerId: string;

/** A reader with a bug: it throws where it should answer with a Result. */
const throwingReader: FingerprintReader = {
  capabilities: zfmCapabilities('zfm'),
  connected: true,
  capture: async () => { throw new Error('driver bug: buffer index out of range'); },
  extractTemplate: async () => { throw new Error('not reached'); },
  compare: async () => { throw new Error('not reached'); },
  selfTest: async () => [],
};

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'loket-capfail-'));
  store = Store.open({ dataDir: dir, dataKey: randomBytes(32) });
  const now = () => new Date();
  const workflow = new WorkflowService(store, now, () => undefined);
  const queue = new QueueService(store, now, () => undefined, workflow);
  const enrolment = new EnrolmentService(store, queue, now, () => null, () => undefined, workflow);
  officerId = (await new OfficersService(store, now).create('', { name: 'Sari', nip: '199002022015022002', password: 'rahasia-loket-2', roles: ['counter'] })).id;
  appointmentId = queue.addWalkIn(officerId, {
    nik: '3171014508900003', fullName: 'Dewi Lestari', birthPlace: 'Jakarta', birthDate: '1990-08-05', sex: 'F',
    service: 'new', passportType: 'electronic', priority: [], phone: '',
  }).id;
  enrolment.open(officerId, ['counter'], appointmentId);
  views = [];
  capture = new FingerprintCaptureService(store, queue, enrolment, { fingerprintReader: () => ({ id: 'buggy', reader: throwingReader }) },
    () => DEFAULT_PLAN, now, (v) => views.push(v));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a capture attempt that throws', () => {
  it('is reported on the screen as a failure, counts no attempt, and the next attempt can start', async () => {
    capture.start(officerId, appointmentId);
    await capture.action(officerId, { appointmentId, action: 'retry' });
    const deadline = Date.now() + 3000;
    while (views.at(-1)?.state !== 'error' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(views.at(-1)).toMatchObject({ state: 'error', message: { key: 'capture.failed' } });
    expect(views.at(-1)!.fingers[0]).toMatchObject({ finger: 'right_thumb', attempts: 0 });
    await expect(capture.action(officerId, { appointmentId, action: 'retry' })).resolves.toMatchObject({ state: 'waiting_finger' });
  });
});
