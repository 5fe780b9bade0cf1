// The print operator at 1366 × 768 on a demo station (approved applications with a drawn
// portrait, a delivery of blank books per series, the simulated IPP passport printer and MRZ
// reader): a batch of two where a book of the wrong series is refused before anything
// prints, the first job prints and passes the check, the second jams mid-print (the book is
// recorded as spoiled and the job waits for a new book), then fails the check on a misprinted
// page (spoiled as failed check); the day's reconciliation lists the serial skipped in the pile.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { ADMIN, addOfficer, captureStationSocket, createFirstAdmin, login, logout, rawCall, type Officer } from './helpers';
import type { PrintQueueView } from '../../electron/issuance-types';

test.use({ stationDemo: true, viewport: { width: 1366, height: 768 } });
test.setTimeout(180_000);

const PRINTER: Officer = { name: 'Dian Cetak', nip: '199105052016052005', password: 'rahasia-cetak-5' };

async function insideViewport(page: Page, testId: string): Promise<void> {
  const box = await page.getByTestId(testId).boundingBox();
  expect(box, testId).not.toBeNull();
  expect(box!.x + box!.width).toBeLessThanOrEqual(1366);
  expect(box!.y + box!.height).toBeLessThanOrEqual(768);
}

async function nextSerial(page: Page): Promise<string> {
  const text = await page.getByTestId('print-next-serial').textContent();
  const m = /([A-Z]\d{7})/.exec(text ?? '');
  expect(m, text ?? '').not.toBeNull();
  return m![1]!;
}

const bump = (serial: string, by: number) => serial[0] + String(Number(serial.slice(1)) + by).padStart(7, '0');

/** The pile's next book, but never the one left behind on purpose (the gap the close must find). */
async function bookAvoiding(page: Page, skipped: string, instead: string): Promise<string> {
  const n = await nextSerial(page);
  return n === skipped ? instead : n;
}

test('a batch: wrong series refused, printed and checked, a jam spoils a book, a misprint fails the check, and the day finds the skipped serial', async ({ page, station }) => {
  await captureStationSocket(page);
  await createFirstAdmin(page, station.url);
  await addOfficer(page, PRINTER, ['print', 'supervisor', 'head']);
  await logout(page);
  await login(page, PRINTER);

  await page.keyboard.press('F11');
  await expect(page.getByTestId('screen-print')).toBeVisible();
  const rows = page.getByTestId('print-waiting').locator('tbody tr');
  await expect(rows).toHaveCount(8);
  await rows.nth(0).locator('input[type=checkbox]').check();
  await rows.nth(1).locator('input[type=checkbox]').check();
  await page.getByTestId('print-selected').click();
  await expect(page.getByTestId('print-batch-progress')).toContainText('1');

  // A book of the other series is refused with a sentence; nothing is printed.
  const first = await nextSerial(page);
  const wrong = first.startsWith('C') ? 'B0000001' : 'C0000001';
  await page.getByTestId('print-serial').fill(wrong);
  await page.getByTestId('print-serial').press('Enter');
  await expect(page.getByTestId('print-note')).toContainText(wrong);
  await expect(page.getByTestId('print-serial')).toBeVisible();

  // The operator takes the second book of the pile (the first is left: a gap for the close).
  const used = bump(first, 1);
  await page.getByTestId('print-serial').fill(used);
  await page.getByTestId('print-serial').press('Enter');
  await expect(page.getByTestId('print-printed')).toContainText(used, { timeout: 60_000 });
  await insideViewport(page, 'print-work');
  await page.getByTestId('print-check').click();
  await expect(page.getByTestId('print-qc-passed')).toContainText(used, { timeout: 60_000 });
  await page.getByTestId('print-next').click();

  // Job 2: the printer jams mid-print; the book is recorded as spoiled.
  await expect(page.getByTestId('print-batch-progress')).toContainText('2');
  const second = await bookAvoiding(page, first, bump(first, 10));
  expect(await rawCall(page, 'devices.simulate', { id: 'printer-sim', action: 'fault', variant: 'media-jam' })).toEqual({ ok: true, value: null });
  await page.getByTestId('print-serial').fill(second);
  await page.getByTestId('print-serial').press('Enter');
  await expect(page.getByTestId('print-printing')).toBeVisible();
  await expect(page.getByTestId('device-printer-sim')).toHaveAttribute('title', /tersangkut|jammed/i, { timeout: 60_000 });
  expect(await rawCall(page, 'devices.simulate', { id: 'printer-sim', action: 'fault', variant: 'clear' })).toEqual({ ok: true, value: null });
  const dialog = page.getByTestId('print-failed-dialog');
  await expect(dialog).toBeVisible({ timeout: 60_000 });
  await expect(dialog).toContainText(second);
  await dialog.getByTestId('print-spoil-reason').selectOption('jam');
  await dialog.getByTestId('print-spoiled-yes').click();
  await expect(page.getByTestId('print-note')).toContainText(second);
  await expect(page.getByTestId('print-serial')).toBeFocused();

  // The same application on a new book; the page comes out with a misprinted number.
  const third = await bookAvoiding(page, first, bump(first, 11));
  expect(third).not.toBe(second);
  await page.getByTestId('print-serial').fill(third);
  await page.getByTestId('print-serial').press('Enter');
  await expect(page.getByTestId('print-printed')).toContainText(third, { timeout: 60_000 });
  const q = await rawCall(page, 'issuance.queue', {}) as { ok: true; value: PrintQueueView };
  const job = q.value.open.find((j) => j.serial === third)!;
  const misprint = [job.mrz![0], job.mrz![1].replace(third, bump(third, 5))];
  expect(await rawCall(page, 'devices.simulate', { id: 'mrz-sim', action: 'feed_page', lines: misprint })).toEqual({ ok: true, value: null });
  await page.getByTestId('print-check').click();
  await expect(page.getByTestId('print-qc-failed')).toContainText(third, { timeout: 60_000 });
  await expect(page.getByTestId('print-qc-mismatches')).toContainText('Nomor paspor');
  await insideViewport(page, 'print-qc-mismatches');
  await page.screenshot({ path: test.info().outputPath('qc-failed-1366x768.png') });
  await page.getByTestId('print-spoil-qc').click();
  await expect(page.getByTestId('print-note')).toContainText(third);
  await page.getByTestId('print-skip').click();
  await expect(page.getByTestId('print-note')).toBeVisible();
  await expect(rows).toHaveCount(7);

  // The stock: one printed, two spoiled.
  await page.getByTestId('print-section-stock').click();
  await expect(page.getByTestId('stock-count-printed')).toContainText('1');
  await expect(page.getByTestId('stock-count-spoiled')).toContainText('2');

  // The day's close finds the serial skipped in the pile.
  await page.getByTestId('print-section-reconciliation').click();
  await expect(page.getByTestId('rec-opening')).toHaveText('80');
  // Two blank books became printed pages (one later failed the check), one jammed.
  await expect(page.getByTestId('rec-printedCol')).toHaveText('-2');
  await expect(page.getByTestId('rec-spoiledCol')).toHaveText('-1');
  await expect(page.getByTestId('rec-closing')).toHaveText('77');
  await expect(page.getByTestId('reconciliation-balance')).toHaveAttribute('class', /ready/);
  await expect(page.getByTestId('reconciliation-gaps')).toContainText(first);
  const download = page.waitForEvent('download');
  await page.getByTestId('reconciliation-csv').click();
  expect((await download).suggestedFilename()).toMatch(/^rekonsiliasi-buku-\d{4}-\d{2}-\d{2}\.csv$/);
  void ADMIN;
});
