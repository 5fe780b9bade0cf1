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
import { goToStep, openDemoQueue } from './enrolment-helpers';
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

test('typed text in every field is a draft: the notes survive a reload, a correction\'s reason survives Esc', async ({ page, station }) => {
  test.setTimeout(180_000);
  await captureStationSocket(page);
  await openDemoQueue(page, station.url);
  const a = await renewalApplicant(page);
  const drafts = async () => ((await rawCall(page, 'drafts.list', { appointmentId: a.id })) as { value: { field: string; text: string }[] }).value;
  expect(await rawCall(page, 'devices.simulate', { id: 'barcode-sim', action: 'scan_code', code: a.bookingCode })).toEqual({ ok: true, value: null });
  await expect(page.getByTestId('checkin-banner')).toHaveAttribute('data-result', 'checked_in');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('step-body-mrz')).toBeVisible();

  // The interview's notes: kept by the station within a second of typing, back after a reload.
  await goToStep(page, 'details');
  await page.getByTestId('details-notes').focus();
  await page.keyboard.type('Berangkat umrah bulan Februari', { delay: 10 });
  await expect.poll(drafts, { timeout: 5_000 }).toEqual([expect.objectContaining({ field: 'details.notes', text: 'Berangkat umrah bulan Februari' })]);
  await page.reload();
  await expect(page.getByTestId('step-body-details')).toBeVisible();
  await expect(page.getByTestId('details-notes')).toHaveValue('Berangkat umrah bulan Februari');
  await expect(page.getByTestId('draft-restored')).toBeVisible();
  // Saved with the details, the draft goes and the notes stay with the enrolment.
  await page.getByTestId('details-purpose').selectOption('umrah');
  await page.getByTestId('details-save').press('Enter');
  await expect(page.getByTestId('step-body-service')).toBeVisible();
  await expect.poll(drafts).toEqual([]);
  const v = (await rawCall(page, 'enrolment.get', { appointmentId: a.id })) as { value: EnrolmentView };
  expect(v.value.details.chosen?.notes).toBe('Berangkat umrah bulan Februari');

  // A correction's sentence typed, then Esc: the dialog closes, the text is kept and comes back.
  await goToStep(page, 'identity');
  await page.getByTestId('identity-edit-birthPlace').press('Enter');
  await expect(page.getByTestId('correction-dialog')).toBeVisible();
  await page.getByTestId('correction-text').fill('Tempat lahir di KTP berbeda');
  await expect.poll(drafts, { timeout: 5_000 }).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'correction.birthPlace.text', text: 'Tempat lahir di KTP berbeda' })]));
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('correction-dialog')).toHaveCount(0);
  await page.getByTestId('identity-edit-birthPlace').press('Enter');
  await expect(page.getByTestId('correction-text')).toHaveValue('Tempat lahir di KTP berbeda');
});
