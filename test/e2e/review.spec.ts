// The supervisor's review at 1366×768 on a demo station, in real Chromium against the real
// station: a batch approved after the password is entered again; an approval on a view the
// enrolment has since left behind refused; a return with a reason from the list that reaches
// the counter officer, who corrects and resubmits it.
import jpeg from 'jpeg-js';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { addOfficer, captureStationSocket, createFirstAdmin, localToday, login as loginAs, logout, rawCall, type Officer } from './helpers';
import { COUNTER, goToStep } from './enrolment-helpers';
import { answerIdentityAndDetails } from '../helpers/enrolment-steps';
import { completeServiceParts } from '../helpers/service-parts';
import type { EnrolmentView, QueueView } from '../../electron/contract-types';

const SUPERVISOR: Officer = { name: 'Bambang Penyelia', nip: '197903032005011002', password: 'penyelia-rahasia-7' };

test.use({ viewport: { width: 1366, height: 768 }, stationDemo: true });

function jpegBase64(shade: number): string {
  const [w, h] = [300, 400];
  return Buffer.from(jpeg.encode({ data: Buffer.alloc(w * h * 4, shade), width: w, height: h }, 85).data).toString('base64');
}

/** With room for scrypt on a machine busy with other runs. */
const login = (page: Page, officer: Officer): Promise<void> => loginAs(page, officer, 60_000);

async function ok<T>(page: Page, method: string, input: unknown): Promise<T> {
  const r = await rawCall(page, method, input);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/**
 * Three complete enrolments sent for approval by the counter officer, on their own connection
 * (the enrolment screens have their own specs): fingers marked bandaged with a reason, a
 * photo, the KTP from the demo's scanner simulator. Returns their ids, oldest first.
 */
async function threeSubmitted(page: Page): Promise<string[]> {
  const rows = (await ok<QueueView>(page, 'queue.view', { date: localToday() })).rows.slice(0, 3);
  for (const r of rows) {
    const appointmentId = r.id;
    await ok(page, 'application.checkIn', { id: appointmentId });
    await ok(page, 'enrolment.open', { appointmentId });
    await ok(page, 'capture.start', { appointmentId });
    for (let i = 0; i < 4; i++) await ok(page, 'capture.action', { appointmentId, action: 'skip', missingReason: 'bandaged', note: 'Perban di tangan' });
    await ok(page, 'photo.save', { appointmentId, jpegBase64: jpegBase64(170), width: 300, height: 400, camera: 'e2e', checks: {} });
    await ok(page, 'documents.scan', { appointmentId, docType: 'ktp' });
    // The identity, details, service step, checklist and signature, as for a standard applicant.
    const call = <T>(method: string, input?: unknown) => ok<T>(page, method, input ?? {});
    await completeServiceParts(call, appointmentId);
    await answerIdentityAndDetails({ ok: call }, appointmentId, { supervisor: SUPERVISOR });
    await ok(page, 'enrolment.submit', { appointmentId });
  }
  return rows.map((r) => r.id);
}

async function setUp(page: Page, url: string): Promise<string[]> {
  await captureStationSocket(page);
  await createFirstAdmin(page, url);
  await addOfficer(page, COUNTER, ['counter']);
  await addOfficer(page, SUPERVISOR, ['supervisor']);
  // The administrator sets the backlog limit to 2: the counters' line shows past it.
  await ok(page, 'settings.update', { reviewBacklogLimit: 2 });
  await logout(page);
  await login(page, COUNTER);
  await expect(page.getByTestId('screen-queue')).toBeVisible();
  await expect(page.getByTestId('backlog-line')).toHaveCount(0);
  const ids = await threeSubmitted(page);
  // The third submission passes the limit: the line appears without a reload.
  await expect(page.getByTestId('backlog-line')).toHaveAttribute('data-waiting', '3');
  await expect(page.getByTestId('backlog-line')).toContainText('3 menunggu persetujuan (batas 2)');
  await logout(page);
  await login(page, SUPERVISOR);
  return ids;
}

async function inViewport(page: Page, testId: string): Promise<void> {
  const box = await page.getByTestId(testId).boundingBox();
  expect(box, testId).not.toBeNull();
  expect(box!.x >= 0 && box!.y >= 0 && box!.x + box!.width <= 1366 && box!.y + box!.height <= 768, `${testId} inside 1366×768: ${JSON.stringify(box)}`).toBe(true);
}

test('a supervisor approves a batch after entering the password again; a changed enrolment is refused on the old view', async ({ page, station }, testInfo) => {
  test.setTimeout(180_000);
  const ids = await setUp(page, station.url);

  await page.keyboard.press('F12');
  await expect(page.getByTestId('review-queue')).toBeVisible();
  await expect(page.getByTestId('review-row')).toHaveCount(3);
  await expect(page.getByTestId('review-row').first()).toHaveAttribute('data-appointment-id', ids[0]!);
  await expect(page.getByTestId('review-counts')).toContainText('Menunggu persetujuan: 3');
  await expect(page.getByTestId('review-list')).toBeFocused();
  await page.screenshot({ path: testInfo.outputPath('review-queue-1366x768.png') });

  // Enter opens the oldest: everything on one screen, Approve ready on Enter.
  await page.keyboard.press('Enter');
  const detail = page.getByTestId('review-detail');
  await expect(detail).toHaveAttribute('data-appointment-id', ids[0]!);
  await expect(page.getByTestId('review-photo')).toBeVisible();
  await expect(page.getByTestId('review-fingers').locator('tbody tr')).toHaveCount(4);
  await expect(page.getByTestId('review-fingers')).toContainText('Tidak direkam: Diperban');
  const docs = async (appointmentId: string) => (await ok<EnrolmentView>(page, 'enrolment.get', { appointmentId })).documents.length;
  await expect(page.getByTestId('review-documents').locator('img')).toHaveCount(await docs(ids[0]!));
  await expect(page.getByTestId('review-history')).toContainText('Ajukan untuk persetujuan');
  for (const id of ['review-approve', 'review-return', 'review-back', 'review-section-photo', 'review-section-fingerprints',
    'review-section-documents', 'review-section-mrz', 'review-section-application', 'review-section-timing', 'review-section-history']) {
    await inViewport(page, id);
  }
  await page.screenshot({ path: testInfo.outputPath('review-detail-1366x768.png') });
  // The photo at full size, on demand; Esc closes it.
  await page.getByTestId('review-photo-open').click();
  await expect(page.getByTestId('review-full-img')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('review-full-size')).toHaveCount(0);
  await page.getByTestId('review-approve').focus();

  // The first approval asks for the password; a wrong one opens nothing.
  await page.keyboard.press('Enter');
  const batch = page.getByTestId('review-batch-dialog');
  await expect(batch).toBeVisible();
  await expect(page.getByTestId('review-batch-password')).toBeFocused();
  await page.keyboard.type('bukan-sandinya');
  await page.keyboard.press('Enter');
  await expect(batch.locator('[role="alert"]')).toBeVisible();
  await page.getByTestId('review-batch-password').fill(SUPERVISOR.password);
  await page.keyboard.press('Enter');
  // Approved, and the next oldest opens by itself.
  await expect(detail).toHaveAttribute('data-appointment-id', ids[1]!);
  await expect(page.getByTestId('notice')).toContainText('disetujui');
  await expect(detail.getByTestId('review-batch')).toContainText('sisa 49 dari 50');

  // Inside the batch no password is asked.
  await expect(page.getByTestId('review-approve')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(detail).toHaveAttribute('data-appointment-id', ids[2]!);
  await expect(detail.getByTestId('review-batch')).toContainText('sisa 48 dari 50');

  // Meanwhile, from another window, the third is returned, its photo retaken, resubmitted.
  const oldHash = await detail.getAttribute('data-content-hash');
  await ok(page, 'review.return', { appointmentId: ids[2], reason: 'photo', note: 'Foto gelap' });
  await ok(page, 'photo.save', { appointmentId: ids[2], jpegBase64: jpegBase64(120), width: 300, height: 400, camera: 'e2e', checks: {} });
  await ok(page, 'enrolment.resubmit', { appointmentId: ids[2] });
  // Approving what the screen still shows is refused, and the screen shows the new content.
  await page.getByTestId('review-approve').click();
  await expect(page.getByTestId('review-refusal')).toContainText('berubah sejak Anda membukanya');
  await expect(detail).not.toHaveAttribute('data-content-hash', oldHash!);
  await expect(page.getByTestId('review-returned-version')).toContainText(oldHash!.slice(0, 12));
  await page.getByTestId('review-approve').click();
  // The queue is empty: back to it.
  await expect(page.getByTestId('review-empty')).toBeVisible();
  await expect(page.getByTestId('review-counts')).toContainText('Hari ini disetujui 3');
});

test('a return with a reason reaches the counter officer, who corrects and resubmits', async ({ page, station }) => {
  test.setTimeout(180_000);
  const ids = await setUp(page, station.url);

  await page.keyboard.press('F12');
  await expect(page.getByTestId('review-row')).toHaveCount(3);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('review-detail')).toHaveAttribute('data-appointment-id', ids[0]!);
  await page.keyboard.press('Alt+R');
  const dialog = page.getByTestId('review-return-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('review-return-reason')).toBeFocused();
  // "Other" needs the supervisor's words: nothing is sent without them.
  await page.getByTestId('review-return-reason').selectOption('other');
  await expect(page.getByTestId('review-return-send')).toBeDisabled();
  await page.getByTestId('review-return-note').focus();
  await page.keyboard.type('Tanda tangan di formulir tidak ada.');
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.type('Minta pemohon menandatangani.');
  await expect(page.getByTestId('review-return-note')).toHaveValue('Tanda tangan di formulir tidak ada.\nMinta pemohon menandatangani.');
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('notice')).toContainText('dikembalikan');
  await expect(page.getByTestId('review-detail')).toHaveAttribute('data-appointment-id', ids[1]!);

  // The counter officer finds it at the top of the queue, with the reason on the enrolment.
  await logout(page);
  await login(page, COUNTER);
  await expect(page.getByTestId('queue-row').first()).toHaveAttribute('data-status', 'returned');
  await page.getByTestId('queue-search').press('Enter');
  await expect(page.getByTestId('enrolment-returned')).toContainText('Dikembalikan oleh Bambang Penyelia');
  await expect(page.getByTestId('enrolment-returned')).toContainText('Alasan lain');
  await expect(page.getByTestId('enrolment-returned-note')).toContainText('Minta pemohon menandatangani.');
  // Corrected: the form scanned (it was missing), then sent again from the summary.
  await goToStep(page, 'documents');
  await expect(page.getByTestId('step-body-documents')).toBeVisible();
  const pages = await page.getByTestId('doc-thumb').count();
  await page.getByTestId('doc-type').selectOption('application_form');
  await page.getByTestId('doc-scan').click();
  await expect(page.getByTestId('doc-thumb')).toHaveCount(pages + 1, { timeout: 30_000 });
  await goToStep(page, 'summary');
  await expect(page.getByTestId('enrolment-submit')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('screen-queue')).toBeVisible();
  await expect(page.getByTestId('notice')).toBeVisible();

  // Back with the supervisor: resubmitted, the earlier version kept in its history.
  await logout(page);
  await login(page, SUPERVISOR);
  await page.keyboard.press('F12');
  const row = page.locator(`[data-testid="review-row"][data-appointment-id="${ids[0]}"]`);
  await expect(row).toContainText('Dikirim ulang');
  await row.click();
  const pagesNow = (await ok<EnrolmentView>(page, 'enrolment.get', { appointmentId: ids[0]! })).documents.length;
  await expect(page.getByTestId('review-documents').locator('img')).toHaveCount(pagesNow);
  await expect(page.getByTestId('review-returned-version')).toContainText('Alasan lain');
  await expect(page.getByTestId('review-history')).toContainText('Ajukan ulang untuk persetujuan');
  await expect(page.locator('[data-testid="review-time-step"][data-step="documents"]')).toBeVisible();
});
