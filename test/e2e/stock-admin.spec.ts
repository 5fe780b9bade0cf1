// The stock's administration at 1366 × 768 on a demo station (a delivery of 40 blank books
// per series, the simulated IPP passport printer):
// - the administrator (Settings, F8) adds a book series — refused while its example does not
//   fit its pattern, with the sentence naming the series — sets the reminder days, and the
//   receipt's office details and working week, and sees the collection date move;
// - the print operator (also supervisor) spoils a blank book found damaged, returns a range
//   to headquarters, is refused a range holding that spoiled book (nothing recorded), and the
//   counts follow; then prints on the passport printer picked for the batch.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { addOfficer, captureStationSocket, createFirstAdmin, login, logout, rawCall, type Officer } from './helpers';
import type { StockOverview } from '../../electron/issuance-types';
import type { ReceiptSettingsView } from '../../electron/receipt-settings-types';

test.use({ stationDemo: true, viewport: { width: 1366, height: 768 } });
test.setTimeout(180_000);

const PRINTER: Officer = { name: 'Dian Cetak', nip: '199105052016052005', password: 'rahasia-cetak-5' };

/** In view once scrolled to, and never wider than the counter's screen. */
async function fitsWidth(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).scrollIntoViewIfNeeded();
  const box = await page.getByTestId(testId).boundingBox();
  expect(box, testId).not.toBeNull();
  expect(box!.x + box!.width).toBeLessThanOrEqual(1366);
}

test('series and receipt settings by the administrator; a spoiled blank book, a return to headquarters and the printer picked by the operator', async ({ page, station }) => {
  await captureStationSocket(page);
  await createFirstAdmin(page, station.url);

  // ---- the administrator: book series and reminder days ----
  await page.keyboard.press('F8');
  const stock = page.getByTestId('stock-config-panel');
  await expect(stock.getByTestId('series-row-1')).toBeVisible();
  await fitsWidth(page, 'stock-config-panel');
  await stock.getByTestId('series-add').click();
  await stock.getByTestId('series-id-2').fill('e2027');
  await stock.getByTestId('series-type-2').selectOption('electronic');
  await stock.getByTestId('series-pattern-2').fill('E[0-9]{8}');
  await stock.getByTestId('series-example-2').fill('E1234567');
  await stock.getByTestId('stock-uncollected-days').fill('21');
  await stock.getByTestId('stock-config-save').click();
  await expect(stock.getByTestId('stock-config-message')).toContainText('e2027');
  await expect(stock.getByTestId('stock-config-message')).toContainText('tidak sesuai');
  let o = (await rawCall(page, 'stock.overview', {})) as { ok: true; value: StockOverview };
  expect(o.value).toMatchObject({ uncollectedDays: 30 });
  expect(o.value.series).toHaveLength(2);
  await stock.getByTestId('series-example-2').fill('E12345678');
  await stock.getByTestId('stock-config-save').click();
  await expect(stock.getByTestId('stock-config-message')).toContainText('tersimpan');
  o = (await rawCall(page, 'stock.overview', {})) as { ok: true; value: StockOverview };
  expect(o.value).toMatchObject({ uncollectedDays: 21 });
  expect(o.value.series.map((s) => `${s.id} ${s.pattern} ${s.example}`)).toEqual(['biasa [AB][0-9]{7} B1234567', 'elektronik [CX][0-9]{7} C1234567', 'e2027 E[0-9]{8} E12345678']);

  // ---- the administrator: the receipt's office details and working week ----
  const receipt = page.getByTestId('receipt-settings-panel');
  await fitsWidth(page, 'receipt-settings-panel');
  const before = (await rawCall(page, 'receipts.settings', {})) as { ok: true; value: ReceiptSettingsView };
  await receipt.getByTestId('receipt-office-name').fill('Kantor Imigrasi Kelas I TPI Denpasar');
  await receipt.getByTestId('receipt-hours').fill('Senin–Jumat 13.00–15.00 WITA\nSabtu 08.00–11.00 WITA');
  await receipt.getByTestId('receipt-working-days').fill('6');
  await receipt.getByTestId('receipt-closed-6').uncheck();
  await receipt.getByTestId('receipt-settings-save').click();
  await expect(receipt.getByTestId('receipt-settings-message')).toContainText('tersimpan');
  const after = (await rawCall(page, 'receipts.settings', {})) as { ok: true; value: ReceiptSettingsView };
  expect(after.value).toMatchObject({
    officeName: 'Kantor Imigrasi Kelas I TPI Denpasar', collectionWorkingDays: 6, closedWeekdays: [0],
    collectionHours: ['Senin–Jumat 13.00–15.00 WITA', 'Sabtu 08.00–11.00 WITA'],
  });
  // The screen says the date the station now gives (day of the month and year of the long date).
  const date = after.value.preview.collectionDate;
  expect(before.value.preview.collectionDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await expect(receipt.getByTestId('receipt-preview')).toContainText(new RegExp(`\\b${Number(date.slice(8, 10))}\\b.*${date.slice(0, 4)}`));
  await expect(receipt.getByTestId('receipt-preview')).toContainText('6 hari kerja');
  await page.screenshot({ path: test.info().outputPath('settings-issuance-1366x768.png'), fullPage: true });

  await addOfficer(page, PRINTER, ['print', 'supervisor']);
  await logout(page);
  await login(page, PRINTER);

  // ---- the print operator: a blank book found damaged ----
  await page.keyboard.press('F11');
  await page.getByTestId('print-section-stock').click();
  await expect(page.getByTestId('stock-count-in_stock')).toContainText('80');
  await fitsWidth(page, 'stock-actions');
  await page.getByTestId('spoil-serial').fill('b000-0040');
  await page.getByTestId('spoil-reason').selectOption('damaged');
  await page.getByTestId('spoil-submit').click();
  const confirm = page.getByTestId('stock-confirm');
  await expect(confirm).toContainText('B0000040');
  await confirm.getByTestId('confirm-yes').click();
  await expect(page.getByTestId('stock-message')).toContainText('B0000040');
  await expect(page.getByTestId('stock-count-spoiled')).toContainText('1');
  await expect(page.getByTestId('stock-count-in_stock')).toContainText('79');

  // ---- a range back to headquarters: refused whole while it holds the spoiled book ----
  const returnRange = async (first: string, last: string) => {
    await page.getByTestId('return-first').fill(first);
    await page.getByTestId('return-last').fill(last);
    await page.getByTestId('return-reference').fill('RET/HQ/2026/12/07');
    await page.getByTestId('return-submit').click();
    await page.getByTestId('stock-confirm').getByTestId('confirm-yes').click();
  };
  await returnRange('B0000036', 'B0000040');
  await expect(page.getByTestId('stock-message')).toContainText('B0000040');
  await expect(page.getByTestId('stock-count-returned')).toContainText('0');
  await expect(page.getByTestId('stock-count-in_stock')).toContainText('79');
  await returnRange('B0000031', 'B0000035');
  await expect(page.getByTestId('stock-message')).toContainText('B0000031');
  await expect(page.getByTestId('stock-count-returned')).toContainText('5');
  await expect(page.getByTestId('stock-count-in_stock')).toContainText('74');
  await page.screenshot({ path: test.info().outputPath('stock-actions-1366x768.png') });

  // ---- the printer picked for the batch goes with the job ----
  await page.getByTestId('print-section-queue').click();
  const printer = page.getByTestId('print-printer');
  await expect(printer.locator('option')).toHaveCount(1);
  await expect(printer).toHaveValue('printer-sim');
  const row = page.getByTestId('print-waiting').locator('tbody tr').first();
  await row.locator('input[type=checkbox]').check();
  await page.getByTestId('print-selected').click();
  await expect(printer).toBeDisabled();
  const hint = await page.getByTestId('print-next-serial').textContent();
  const serial = /([A-Z]\d{7})/.exec(hint ?? '')![1]!;
  await page.getByTestId('print-serial').fill(serial);
  await page.getByTestId('print-serial').press('Enter');
  await expect(page.getByTestId('print-printed')).toContainText(serial, { timeout: 60_000 });
  await expect(page.getByTestId('print-printed-on')).toContainText('Printer paspor (simulasi)');
});
