// The standard renewal at the counter, by keyboard only: the scripted officer of the
// keyboard e2e (enrolment-keys.spec.ts) and of `renewal_keys_and_clicks` in `npm run bench`
// (test/bench/enrolment-keys.bench.ts) — one script, so the figure is what the test checks.
//
// Devices do their part through the demo station's simulators and are not keys: the
// booking code's scan (barcode scanner), the old passport on the MRZ reader, the fingers on
// the reader, the camera's picture. Every key the officer presses goes through `Keys`; the
// page itself counts trusted key and mouse events (`watchInput`), so a key pressed behind
// the counter's back, or a click, shows.
import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import type { AppointmentRow, QueueView, SetupStatus } from '../../electron/contract-types';
import type { Keys } from './enrolment-flow-helpers';
import { rawCall } from './helpers';
import { td3 } from './enrolment-helpers';

/** Counts, in the page, every trusted key press and mouse press (from before the first page load). */
export async function watchInput(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __input?: { keys: number; clicks: number } };
    w.__input = { keys: 0, clicks: 0 };
    // Counted across reloads and screens by keeping the count in sessionStorage.
    const saved = sessionStorage.getItem('__input');
    if (saved) w.__input = JSON.parse(saved) as { keys: number; clicks: number };
    const keep = (): void => sessionStorage.setItem('__input', JSON.stringify(w.__input));
    window.addEventListener('keydown', (e) => { if (e.isTrusted && !e.repeat) { w.__input!.keys++; keep(); } }, true);
    window.addEventListener('mousedown', (e) => { if (e.isTrusted) { w.__input!.clicks++; keep(); } }, true);
  });
}

export async function inputSeen(page: Page): Promise<{ keys: number; clicks: number }> {
  return page.evaluate(() => (window as unknown as { __input: { keys: number; clicks: number } }).__input);
}

/** A renewal (expired or full book) booked for today and paid: the standard case. */
export async function renewalApplicant(page: Page): Promise<AppointmentRow> {
  const setup = (await rawCall(page, 'setup.status', {})) as { value: SetupStatus };
  const q = (await rawCall(page, 'queue.view', { date: setup.value.today, limit: 500 })) as { value: QueueView };
  const ok = (r: AppointmentRow, service: string): boolean => r.service === service && r.status === 'booked' && r.paymentStatus === 'paid';
  const row = q.value.rows.find((r) => ok(r, 'replace_expired')) ?? q.value.rows.find((r) => ok(r, 'replace_full'));
  if (!row) throw new Error('the demo day has no paid renewal booked');
  return row;
}

export type RenewalStep = 'mrz' | 'identity' | 'details' | 'service' | 'documents' | 'photo' | 'fingerprints' | 'signature' | 'summary';

/**
 * From the queue (a counter officer logged in) to the submitted enrolment. `atStep` is told
 * when each step is on screen and ready for its key (the e2e checks the screen there).
 */
export async function keyboardRenewal(page: Page, keys: Keys, a: AppointmentRow, atStep: (step: RenewalStep) => Promise<void> = async () => undefined): Promise<void> {
  const body = (step: RenewalStep) => page.getByTestId(`step-body-${step}`);
  const focused = (testId: string, timeout = 20_000) => expect(page.getByTestId(testId)).toBeFocused({ timeout });

  // The applicant's booking code is scanned at the counter: checked in; Enter opens.
  expect(await rawCall(page, 'devices.simulate', { id: 'barcode-sim', action: 'scan_code', code: a.bookingCode })).toEqual({ ok: true, value: null });
  await expect(page.getByTestId('checkin-banner')).toHaveAttribute('data-result', 'checked_in');
  await keys.press('Enter', 'open the enrolment of the checked-in applicant');
  await expect(body('mrz')).toBeVisible();
  await atStep('mrz');

  // The old passport on the reader: a valid read that agrees with the booking moves on.
  const [l1, l2] = td3({ fullName: a.fullName, documentNumber: 'B7654321', birthDate: a.birthDate, sex: a.sex, expiryDate: '2025-03-01' });
  expect(await rawCall(page, 'devices.simulate', { id: 'mrz-sim', action: 'present_document', lines: [l1, l2] })).toEqual({ ok: true, value: null });
  await expect(body('identity')).toBeVisible({ timeout: 20_000 });
  await focused('identity-confirm');
  await atStep('identity');
  await keys.press('Enter', 'identity checked against the KTP');

  await focused('details-purpose');
  await atStep('details');
  await keys.press('w', 'purpose of travel: Wisata');
  await expect(page.getByTestId('details-purpose')).toHaveValue('tourism');
  await keys.press('Enter', 'passport details saved');

  await expect(body('service')).toBeVisible();
  await focused('old-issue-candidate-5');
  await atStep('service');
  await keys.press('Enter', 'old passport issued 5 years before its expiry, as the book says');

  await expect(body('documents')).toBeVisible();
  await focused('doc-scan');
  await expect(page.getByTestId('doc-type')).toHaveValue('ktp');
  await atStep('documents');
  await keys.press('Enter', 'scan the KTP');
  await expect(page.getByTestId('doc-thumb')).toHaveCount(1, { timeout: 30_000 });
  await expect(page.getByTestId('doc-type')).toHaveValue('old_passport');
  await focused('doc-scan');
  await keys.press('Enter', 'scan the old passport');

  await expect(body('photo')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('photo-capture')).toBeEnabled({ timeout: 20_000 });
  await focused('photo-capture');
  await atStep('photo');
  await keys.press('Enter', 'take the photo');

  await expect(body('fingerprints')).toBeVisible({ timeout: 20_000 });
  await atStep('fingerprints');
  await expect(body('signature')).toBeVisible({ timeout: 120_000 });

  await focused('signature-scan-form');
  await atStep('signature');
  await keys.press('Enter', 'scan the signed application form');

  await expect(body('summary')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('summary-complete')).toBeVisible();
  await focused('enrolment-submit');
  await atStep('summary');
  await keys.press('Enter', 'submit for approval');
  await expect(page.getByTestId('screen-queue')).toBeVisible({ timeout: 20_000 });
}
