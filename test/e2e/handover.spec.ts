// The print operator's handover at 1366 × 768, in Chromium against a real station: printed
// applications (brought to 'printed' through the store, as the print queue will) are handed
// over after the simulated reader matched the applicant's finger (the receipt scanned on the
// simulated handheld scanner, one key: Enter), to a supervisor's override where the reader
// cannot read the enrolment's templates, to a representative with a letter, and sent by post
// with the day's manifest downloaded as CSV and as PDF (read back with pdftotext).
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { ADMIN, captureStationSocket, createFirstAdmin, localToday, login, logout } from './helpers';
import { bringToPrinted } from '../helpers/printed';
import { hasPoppler, POPPLER_MISSING, text as pdfText } from '../helpers/poppler';
import { connectHandoverDevices, okCall } from './handover-devices';

test.use({ viewport: { width: 1366, height: 768 } });

const SUPERVISOR = { name: 'Rina Penyelia', nip: '198707072012072003', password: 'penyelia-rahasia-3' };

const ok = okCall;

async function inViewport(page: Page, testId: string): Promise<void> {
  const box = await page.getByTestId(testId).boundingBox();
  expect(box, testId).not.toBeNull();
  expect(box!.x >= 0 && box!.y >= 0 && box!.x + box!.width <= 1366 && box!.y + box!.height <= 768, `${testId} inside 1366×768`).toBe(true);
}

test('printed → handed over by fingerprint, by override, to a representative, and by post with the manifest', async ({ page, station }, testInfo) => {
  test.setTimeout(120_000);
  await captureStationSocket(page);
  await createFirstAdmin(page, station.url);
  const me = await ok(page, 'auth.session', {}) as { officerId: string };
  await ok(page, 'officers.update', { id: me.officerId, roles: ['admin', 'print', 'technician'] });
  await ok(page, 'officers.create', { ...SUPERVISOR, roles: ['supervisor'] });
  // The handover counter's devices: the simulated ZFM reader, handheld scanner and receipt printer.
  await connectHandoverDevices(page);

  const finger = bringToPrinted(station.dataDir, { bookingCode: 'HOE2E001', fullName: 'Budi Santoso', fingers: { right_thumb: 'budi-thumb', right_index: 'budi-index' } });
  bringToPrinted(station.dataDir, { bookingCode: 'HOE2E002', fullName: 'Sari Wulandari', format: 'gt521', fingers: { right_thumb: 'sari-thumb' } });
  bringToPrinted(station.dataDir, { bookingCode: 'HOE2E003', fullName: 'Joko Widodo' });
  bringToPrinted(station.dataDir, { bookingCode: 'HOE2E004', fullName: 'Made Wirawan' });

  // The new roles show at the next login.
  await logout(page);
  await login(page, ADMIN);
  await expect(page.getByTestId('tab-handover')).toBeVisible();
  await page.keyboard.press('Shift+F11');
  await expect(page.getByTestId('handover-screen')).toBeVisible();
  await expect(page.getByTestId('handover-code')).toBeFocused();

  // 1. The applicant in person: finger on the reader, receipt scanned through the car window.
  await ok(page, 'devices.simulate', { id: 'fp-sim', action: 'place_finger', code: 'budi-index', variant: 'clean' });
  let keys = 0;
  await ok(page, 'devices.simulate', { id: 'scan-sim', action: 'scan_code', code: finger.bookingCode });
  await expect(page.getByTestId('handover-name')).toHaveText('Budi Santoso');
  await expect(page.getByTestId('handover-photo')).toBeVisible();
  await expect(page.getByTestId('handover-finger')).toHaveAttribute('data-state', 'matched', { timeout: 20_000 });
  await expect(page.getByTestId('handover-give')).toBeFocused();
  for (const id of ['handover-photo', 'handover-give', 'handover-mode-post', 'handover-manifest']) await inViewport(page, id);
  await page.screenshot({ path: testInfo.outputPath('handover-matched-1366x768.png') });
  await page.keyboard.press('Enter'); keys += 1;
  await expect(page.getByTestId('handover-done')).toContainText('Paspor telah diserahkan kepada Budi Santoso.');
  await expect(page.getByTestId('handover-receipt')).toContainText('Bukti penyerahan tercetak');
  expect(keys).toBeLessThan(5);
  await ok(page, 'devices.simulate', { id: 'fp-sim', action: 'lift_finger' });
  await expect(page.getByTestId('handover-code')).toBeFocused();

  // 2. Enrolled on a GT-521, a ZFM here: the screen says so, the supervisor confirms.
  await page.getByTestId('handover-code').fill('HOE2E002');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('handover-reader-problem')).toContainText('tidak dapat membaca sidik jari dari perekaman (gt521)');
  await expect(page.getByTestId('override-nip')).toBeFocused();
  await page.getByTestId('override-nip').fill(SUPERVISOR.nip);
  await page.getByTestId('override-password').fill('salah-sandi-1');
  await page.getByTestId('override-reason').fill('Pembaca beda jenis');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('handover-issue-problem')).toBeVisible();
  await page.getByTestId('override-password').fill(SUPERVISOR.password);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('handover-done')).toContainText('Sari Wulandari');

  // 3. A representative with a letter of authorisation.
  await page.getByTestId('handover-code').fill('HOE2E003');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('handover-name')).toHaveText('Joko Widodo');
  await page.keyboard.press('Alt+2');
  await expect(page.getByTestId('rep-name')).toBeFocused();
  await page.getByTestId('rep-name').fill('Siti Aminah');
  await page.getByTestId('rep-nik').fill('3171015203880002');
  await page.getByTestId('rep-letter').fill('Surat kuasa bermeterai, 5 Desember 2026');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('handover-done')).toContainText('kepada kuasa Siti Aminah');

  // 4. By post, then the day's manifest.
  await page.getByTestId('handover-code').fill('HOE2E004');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('handover-name')).toHaveText('Made Wirawan');
  await page.keyboard.press('Alt+3');
  await expect(page.getByTestId('post-address')).toBeFocused();
  await expect(page.getByTestId('post-courier')).toHaveValue('Pos Indonesia');
  await page.getByTestId('post-address').fill('Jl. Gajah Mada No. 12, Denpasar 80112');
  await page.getByTestId('post-tracking').fill('RR123456789ID');
  await page.getByTestId('post-tracking').press('Enter');
  await expect(page.getByTestId('handover-done')).toContainText('nomor resi RR123456789ID');

  const csvDownload = page.waitForEvent('download');
  await page.keyboard.press('Alt+C');
  const csvFile = await (await csvDownload).path();
  const csv = readFileSync(csvFile, 'utf8');
  expect(csv.split(/\r?\n/)[0]).toBe('no,booking_code,name,address,courier,tracking_number,dispatch_date,officer,recorded_at');
  expect(csv).toContain(`HOE2E004,Made Wirawan,"Jl. Gajah Mada No. 12, Denpasar 80112",Pos Indonesia,RR123456789ID,${localToday()}`);
  await expect(page.getByTestId('manifest-note')).toContainText('(1 kiriman)');

  const pdfDownload = page.waitForEvent('download');
  await page.getByTestId('manifest-pdf').click();
  const pdf = await (await pdfDownload).path();
  if (!hasPoppler) throw new Error(POPPLER_MISSING);
  const txt = pdfText(readFileSync(pdf));
  expect(txt).toContain(`Passport dispatch manifest — ${localToday()}`);
  expect(txt).toContain('HOE2E004');
  expect(txt).toContain('Made Wirawan');
  expect(txt).toContain('RR123456789ID');
});
