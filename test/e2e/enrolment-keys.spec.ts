// A standard renewal by keyboard only at a 1366 × 768 counter PC, on a demo station with its
// simulated devices (barcode scanner, MRZ reader, eSCL scanner, fingerprint reader) and a
// portrait on Chromium's fake camera: from the queue, a scanned booking code and Enter open
// the enrolment, and one key per step carries the officer to the submit — device steps move
// on by themselves when their device is done. Every step fits the screen (screenshots kept),
// the page sees no click at all, and the keys counted by the script are the keys the page saw.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { openDemoQueue } from './enrolment-helpers';
import { captureStationSocket, rawCall } from './helpers';
import { COUNTER_SCREEN, fits, Keys } from './enrolment-flow-helpers';
import { inputSeen, keyboardRenewal, renewalApplicant, watchInput, type RenewalStep } from './renewal-script';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium-args';
import { writeFakePortrait } from '../helpers/fake-portrait';
import type { EnrolmentView } from '../../electron/contract-types';

const portrait = writeFakePortrait(path.join(mkdtempSync(path.join(tmpdir(), 'loket-portrait-')), 'portrait.y4m'));
test.use({
  stationDemo: true, viewport: COUNTER_SCREEN,
  launchOptions: { executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, `--use-file-for-fake-video-capture=${portrait}`] },
});

/** What must be in view at each step, besides the header and the step tabs. */
const CONTROLS: Record<RenewalStep, string[]> = {
  mrz: ['mrz-text'], identity: ['identity-confirm'], details: ['details-purpose', 'details-save'],
  service: ['old-issue-candidate-5', 'old-issue-date'], documents: ['doc-scan', 'doc-checklist'],
  photo: ['photo-capture', 'photo-video'], fingerprints: ['capture'], signature: ['signature-scan-form', 'signature-save'],
  summary: ['enrolment-submit', 'summary-complete'],
};

test('a standard renewal with a reader, by keyboard only: ten keys, no click, every step on a 1366 × 768 screen', async ({ page, station }, testInfo) => {
  test.setTimeout(240_000);
  await watchInput(page);
  await captureStationSocket(page);
  await openDemoQueue(page, station.url);
  const a = await renewalApplicant(page);
  // Logging in is not part of an applicant's enrolment: the count starts on the queue.
  const before = await inputSeen(page);
  const keys = new Keys(page);

  await keyboardRenewal(page, keys, a, async (step) => {
    await fits(page, testInfo, step, CONTROLS[step]);
  });

  const seen = await inputSeen(page);
  await testInfo.attach('renewal-keys', { body: keys.log.join('\n'), contentType: 'text/plain' });
  expect({ keys: seen.keys - before.keys, clicks: seen.clicks - before.clicks }, 'what the page saw').toEqual({ keys: keys.presses, clicks: 0 });
  expect(keys.presses, keys.log.join('\n')).toBeLessThanOrEqual(10);

  // Submitted as a whole: every step's record is in the station, nothing missing.
  const v = (await rawCall(page, 'enrolment.get', { appointmentId: a.id })) as { ok: true; value: EnrolmentView };
  expect(v.value.appointment.status).toBe('awaiting_approval');
  expect(v.value.missing).toEqual([]);
  expect(v.value.details.chosen?.travelPurpose).toBe('tourism');
  expect(v.value.service.oldPassport).toMatchObject({ number: 'B7654321', expiryDate: '2025-03-01', issueDate: '2020-03-01', disposition: 'cancelled_returned' });
  expect(v.value.documents.map((d) => d.docType).sort()).toEqual(['application_form', 'ktp', 'old_passport']);
  // The portrait passed every check, so it was kept without a reason.
  expect(v.value.photo?.checks).toMatchObject({ exposureOk: true, sharpnessOk: true, subjectOk: true });
  expect(v.value.photo?.overrideReason).toBeUndefined();
  expect(v.value.signature?.source).toBe('crop');
});
