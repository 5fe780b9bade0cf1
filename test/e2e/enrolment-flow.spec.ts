// A standard renewal by keyboard only at a 1366 × 768 counter PC, on a demo station with its
// simulated devices (barcode scanner, MRZ reader, eSCL scanner, fingerprint reader) and
// Chromium's fake camera: the scan checks the applicant in and Enter opens the enrolment;
// each step fits without scrolling (screenshots kept); focus always lies on the next sensible
// control, so Enter carries the officer through; a reload in the middle comes back to the
// same applicant and step; a double Enter on submit submits once. Keys are counted.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { openDemoQueue, td3 } from './enrolment-helpers';
import { captureStationSocket, rawCall } from './helpers';
import { COUNTER_SCREEN } from './enrolment-flow-helpers';
import type { AppointmentRow, QueueView, SetupStatus } from '../../electron/contract-types';

test.use({ stationDemo: true, viewport: COUNTER_SCREEN });

async function renewalApplicant(page: Page): Promise<AppointmentRow> {
  const setup = (await rawCall(page, 'setup.status', {})) as { value: SetupStatus };
  const q = (await rawCall(page, 'queue.view', { date: setup.value.today, limit: 500 })) as { value: QueueView };
  const row = q.value.rows.find((r) => r.service === 'replace_expired' && r.status === 'booked')
    ?? q.value.rows.find((r) => r.service === 'replace_full' && r.status === 'booked');
  if (!row) throw new Error('the demo day has no renewal booked');
  return row;
}

test('typed MRZ text is a draft: a reload brings it back; Esc with typed text asks first', async ({ page, station }) => {
  test.setTimeout(120_000);
  await captureStationSocket(page);
  await openDemoQueue(page, station.url);
  const a = await renewalApplicant(page);
  expect(await rawCall(page, 'devices.simulate', { id: 'barcode-sim', action: 'scan_code', code: a.bookingCode })).toEqual({ ok: true, value: null });
  await expect(page.getByTestId('checkin-banner')).toHaveAttribute('data-result', 'checked_in');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('mrz-text')).toBeFocused();
  const [l1] = td3({ fullName: a.fullName, documentNumber: 'B7654321', birthDate: a.birthDate, sex: a.sex, expiryDate: '2025-03-01' });
  await page.keyboard.type(l1.slice(0, 20), { delay: 10 });
  // Within a second of the last key the station has it.
  await expect.poll(async () => ((await rawCall(page, 'drafts.list', { appointmentId: a.id })) as { value: { field: string; text: string }[] }).value,
    { timeout: 5_000 }).toEqual([expect.objectContaining({ field: 'mrz', text: l1.slice(0, 20) })]);

  // Esc in the middle of typing: asked, and "cancel" keeps the officer where they were.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('enrolment-leave-confirm')).toBeVisible();
  await page.getByTestId('confirm-no').press('Enter');
  await expect(page.getByTestId('enrolment-leave-confirm')).toHaveCount(0);
  await expect(page.getByTestId('mrz-text')).toHaveValue(l1.slice(0, 20));

  // A reload: the same applicant, the text back, said to be a restored draft.
  await page.reload();
  await expect(page.getByTestId('enrolment')).toHaveAttribute('data-appointment-id', a.id);
  await expect(page.getByTestId('mrz-text')).toHaveValue(l1.slice(0, 20));
  await expect(page.getByTestId('draft-restored')).toBeVisible();

  // Leaving with the text asks; leaving keeps the draft, and reopening brings it back again.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('enrolment-leave-confirm')).toBeVisible();
  await page.getByTestId('confirm-yes').press('Enter');
  await expect(page.getByTestId('screen-queue')).toBeVisible();
  expect(((await rawCall(page, 'drafts.list', { appointmentId: a.id })) as { value: { field: string; text: string }[] }).value)
    .toEqual([expect.objectContaining({ field: 'mrz', text: l1.slice(0, 20) })]);
});
