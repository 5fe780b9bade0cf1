// The identity and details steps at the counter's 1366 × 768: a correction made with the KTP
// in hand (the MRZ name shown live, truncation and fillers visible) is kept beside the
// booking and flagged for the supervisor, a corrected birth date makes the NIK a warning;
// an unpaid applicant is refused by the station, then let through by a supervisor who types
// their NIP and password at the counter PC. Screenshots of each screen are kept in the output.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { checkInAndOpen, COUNTER, goToStep } from './enrolment-helpers';
import { addOfficer, captureStationSocket, createFirstAdmin, holdStationAnswers, login, logout, rawCall, type Officer } from './helpers';
import type { QueueView } from '../../electron/contract-types';

const SUPERVISOR: Officer = { name: 'Rahmat Hidayat', nip: '197805102005011002', password: 'loket-rahmat-2024' };

test.describe('on a demo station', () => {
test.use({ stationDemo: true, viewport: { width: 1366, height: 768 } });

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}-1366x768.png`) });
}

async function inView(page: Page, ids: string[]): Promise<void> {
  for (const id of ids) await expect(page.getByTestId(id), id).toBeInViewport({ ratio: 1 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no horizontal scroll').toBeLessThanOrEqual(1366);
}

/** A counter officer (and a supervisor) on a demo day; opens the enrolment of the first
 *  booked applicant matching `pick`, checked in from the queue by keyboard. */
async function openApplicant(page: Page, url: string, pick: (r: QueueView['rows'][number]) => boolean): Promise<QueueView['rows'][number]> {
  await captureStationSocket(page);
  await createFirstAdmin(page, url);
  await addOfficer(page, COUNTER, ['counter']);
  await addOfficer(page, SUPERVISOR, ['supervisor']);
  await logout(page);
  await login(page, COUNTER);
  await expect(page.getByTestId('screen-queue')).toBeVisible();
  const status = await rawCall(page, 'setup.status', {});
  const today = (status as { value: { today: string } }).value.today;
  const view = await rawCall(page, 'queue.view', { date: today, query: '', statuses: [], limit: 200 });
  if (!view.ok) throw new Error(JSON.stringify(view));
  const row = (view.value as QueueView).rows.find(pick)!;
  expect(row, 'a demo applicant to enrol').toBeTruthy();
  await checkInAndOpen(page, row.bookingCode);
  await expect(page.getByTestId('enrolment-applicant')).toContainText(row.bookingCode);
  // The check-in's notice is dismissed (how notices fit the screen is another step's work).
  if (await page.getByTestId('notice').count()) await page.locator('.notice-row button').click();
  return row;
}

/** A standard applicant: one key confirms the identity, then Enter saves the details with the purpose "work". */
async function confirmIdentityAndSaveWork(page: Page): Promise<void> {
  await goToStep(page, 'identity');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('details-purpose')).toBeFocused();
  await page.getByTestId('details-purpose').selectOption('work');
  await page.keyboard.press('Enter');
}

test('a correction made with the KTP is kept beside the booking and flagged for the supervisor', async ({ page, station }) => {
  test.setTimeout(120_000);
  const row = await openApplicant(page, station.url, (r) => r.service === 'new' && r.paymentStatus === 'paid');

  await goToStep(page, 'identity');
  await expect(page.getByTestId('identity-confirm')).toBeFocused();
  await expect(page.getByTestId('identity-now-fullName')).toContainText(row.fullName);
  await shot(page, 'identity');
  await inView(page, ['identity-table', 'identity-confirm', 'step-summary']);

  // The officer corrects the name: the MRZ rendering follows each key, fillers and truncation shown.
  await page.getByTestId('identity-edit-fullName').click();
  const dialog = page.getByTestId('correction-dialog');
  await expect(dialog.getByTestId('correction-value')).toBeFocused();
  await dialog.getByTestId('correction-value').fill('Raden Ajeng Kartini Sosroningrat Wulandari Hadiningrat');
  await expect(dialog.getByTestId('correction-mrz-name')).toHaveAttribute('data-truncated', 'yes');
  await expect(dialog.getByTestId('correction-mrz-name').locator('code')).toHaveText(/^HADININGRAT<<RADEN<AJENG<[A-Z<]+$/);
  await dialog.getByTestId('correction-value').fill('Yusuf Maulana');
  await expect(dialog.getByTestId('correction-mrz-name').locator('code')).toHaveText('MAULANA<<YUSUF'.padEnd(39, '<'));
  // Without a reason from the list the correction is not saved.
  await dialog.getByTestId('correction-value').press('Enter');
  await expect(dialog.getByTestId('correction-error')).toContainText('Pilih alasan');
  await dialog.getByTestId('correction-reason').selectOption('ktp_differs');
  await dialog.getByTestId('correction-text').fill('Nama lengkap di KTP 2024');
  await shot(page, 'identity-correction');
  await dialog.getByTestId('correction-text').press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('identity-row-fullName')).toHaveAttribute('data-corrected', 'yes');
  await expect(page.getByTestId('identity-now-fullName')).toContainText('YUSUF MAULANA');
  await expect(page.getByTestId('identity-corrections')).toContainText(`${row.fullName} → YUSUF MAULANA`);
  await expect(page.getByTestId('identity-confirm')).toBeFocused();

  // A corrected birth date leaves the NIK with the old one: a warning, not a refusal.
  await page.getByTestId('identity-edit-birthDate').click();
  const birth = `${Number(row.birthDate.slice(0, 4)) + 1}${row.birthDate.slice(4)}`;
  await dialog.getByTestId('correction-value').fill(birth);
  await dialog.getByTestId('correction-reason').selectOption('civil_record');
  await dialog.getByTestId('correction-text').fill('Akta kelahiran');
  await dialog.getByTestId('correction-text').press('Enter');
  await expect(page.getByTestId('identity-nik-warning')).toContainText('Tanggal lahir di NIK berbeda');
  await inView(page, ['identity-table', 'identity-confirm', 'identity-nik-warning']);
  await shot(page, 'identity-corrected');

  // Enter confirms; the details step follows with the purpose to choose, then Enter.
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('details-purpose')).toBeFocused();
  await expect(page.getByTestId('details-payment')).toHaveAttribute('data-status', 'paid');
  await expect(page.getByTestId('details-billing-code')).toContainText(row.billingCode);
  await inView(page, ['details-save', 'details-purpose', 'details-fee', 'details-payment']);
  await page.getByTestId('details-purpose').selectOption('umrah');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('step-details')).toHaveAttribute('data-state', 'done');

  // The summary shows what the supervisor will check; the booking row itself is unchanged.
  await goToStep(page, 'summary');
  const flags = page.getByTestId('summary-flags');
  await expect(flags.locator('[data-kind="correction"]')).toHaveCount(2);
  await expect(flags).toContainText('Nama lengkap diperbaiki petugas.');
  await expect(flags.locator('[data-kind="nik_warning"]')).toBeVisible();
  await shot(page, 'summary-flags');
  const booked = await rawCall(page, 'queue.get', { id: row.id });
  expect(booked).toMatchObject({ ok: true, value: { fullName: row.fullName, birthDate: row.birthDate } });
});

test('a save the station answers late does not pull the officer back from the step they went to', async ({ page, station }) => {
  test.setTimeout(120_000);
  const late = await holdStationAnswers(page, 'enrolment.saveDetails');
  await openApplicant(page, station.url, (r) => r.service === 'new' && r.paymentStatus === 'paid');
  await confirmIdentityAndSaveWork(page);
  // The details are saved, but the answer has not come back: the officer goes on to the photo.
  await expect.poll(late.held).toBe(1);
  await goToStep(page, 'photo');
  await expect(page.getByTestId('step-body-photo')).toBeVisible();
  late.release();
  // The answer arrives (the details step turns done) and the photo step stays on screen.
  await expect(page.getByTestId('step-details')).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('step-body-photo')).toBeVisible();
});

test('an unpaid applicant is refused, then overridden by a supervisor\'s NIP and password at the counter', async ({ page, station }) => {
  test.setTimeout(120_000);
  await openApplicant(page, station.url, (r) => r.service === 'new' && r.paymentStatus === 'unpaid');

  await confirmIdentityAndSaveWork(page);
  await expect(page.getByTestId('step-identity')).toHaveAttribute('data-state', 'done');
  // The saved details go on to the documents (when the station has answered: a loaded PC is slow).
  await expect(page.getByTestId('step-body-documents')).toBeVisible();

  // Unpaid: the details step says so, the station refuses the submit and names the payment.
  await goToStep(page, 'details');
  await expect(page.getByTestId('details-unpaid')).toBeVisible();
  await expect(page.getByTestId('step-details')).toHaveAttribute('data-state', 'todo');
  await inView(page, ['details-unpaid', 'details-override', 'details-save']);
  await shot(page, 'details-unpaid');
  await goToStep(page, 'summary');
  await expect(page.locator('[data-testid="summary-missing-list"] [data-missing="payment"]')).toContainText('Pemohon belum membayar');
  await expect(page.getByTestId('enrolment-submit')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('summary-refusal')).toContainText('Pembayaran');

  // The supervisor types their NIP and password at this PC: a wrong password is refused.
  await goToStep(page, 'details');
  await page.getByTestId('details-override').click();
  const dialog = page.getByTestId('override-dialog');
  await expect(dialog.getByTestId('override-nip')).toBeFocused();
  await dialog.getByTestId('override-nip').fill(SUPERVISOR.nip);
  await dialog.getByTestId('override-password').fill('bukan-sandinya');
  await dialog.getByTestId('override-reason').fill('Bukti transfer bank diperlihatkan');
  await dialog.getByTestId('override-reason').press('Enter');
  await expect(dialog.getByTestId('override-error')).toContainText('NIP atau kata sandi salah');
  // The counter officer's own password is not a supervisor's.
  await dialog.getByTestId('override-nip').fill(COUNTER.nip);
  await dialog.getByTestId('override-password').fill(COUNTER.password);
  await dialog.getByTestId('override-password').press('Enter');
  await expect(dialog.getByTestId('override-error')).toContainText('bukan supervisor');
  await dialog.getByTestId('override-nip').fill(SUPERVISOR.nip);
  await dialog.getByTestId('override-password').fill(SUPERVISOR.password);
  await shot(page, 'override-dialog');
  await dialog.getByTestId('override-password').press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('details-overridden')).toContainText(SUPERVISOR.name);
  await expect(page.getByTestId('step-details')).toHaveAttribute('data-state', 'done');

  // The payment is no longer missing, and the supervisor's override is flagged for review.
  await goToStep(page, 'summary');
  await expect(page.locator('[data-testid="summary-missing-list"] [data-missing="payment"]')).toHaveCount(0);
  await expect(page.getByTestId('summary-flags').locator('[data-kind="payment_override"]')).toContainText(SUPERVISOR.name);
  await shot(page, 'summary-override');
});
});
