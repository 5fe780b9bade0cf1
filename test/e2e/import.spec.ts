import { test, expect } from './fixtures';
import { createFirstAdmin, captureStationSocket, localToday, previewImport, rawCall } from './helpers';
import { GOOD_JSON, MIXED_CSV, writeSample } from './samples';

test('a file with bad rows is refused until the officer imports only the valid rows; again changes nothing', async ({ page, station }, testInfo) => {
  await captureStationSocket(page);
  await createFirstAdmin(page, station.url);
  const csv = writeSample(testInfo.outputDir, MIXED_CSV.file);

  await previewImport(page, csv);
  await expect(page.getByTestId('import-total')).toHaveText(String(MIXED_CSV.total));
  await expect(page.getByTestId('import-valid')).toHaveText(String(MIXED_CSV.valid));
  await expect(page.getByTestId('import-invalid')).toHaveText(String(MIXED_CSV.invalid));
  await expect(page.getByTestId('import-refused')).toContainText('tidak dapat diimpor utuh');
  // No plain "import" for a file with bad rows; only the clearly labelled partial import.
  await expect(page.getByTestId('import-commit')).toHaveCount(0);
  await expect(page.getByTestId('import-commit-valid')).toContainText('Impor hanya 5 baris yang valid');

  // Each problem is named by row and column, in words (CSV row 1 is the header).
  const issue = (row: number, field: string) => page.locator(`[data-testid="import-issue"][data-row="${row}"][data-field="${field}"]`);
  await expect(issue(7, 'nik')).toHaveAttribute('data-code', 'nik_birthdate_mismatch');
  await expect(issue(7, 'nik')).toContainText('NIK tidak sesuai dengan tanggal lahir');
  await expect(issue(8, 'nik')).toHaveAttribute('data-code', 'nik_region');
  await expect(issue(9, 'birth_date')).toHaveAttribute('data-code', 'date_invalid');
  await expect(issue(9, 'passport_type')).toHaveAttribute('data-code', 'enum');
  await expect(issue(9, 'time_slot')).toHaveAttribute('data-code', 'slot_format');
  await expect(issue(9, 'billing_code')).toHaveAttribute('data-code', 'billing_code_format');
  await expect(issue(9, 'phone')).toHaveAttribute('data-code', 'phone_format');
  await expect(issue(10, 'booking_code')).toHaveAttribute('data-code', 'duplicate_in_file');
  await expect(issue(10, 'booking_code')).toContainText('lebih dari sekali');

  // The station itself refuses the whole file when the valid-rows choice was not made.
  const content = await import('node:fs').then((fs) => fs.readFileSync(csv, 'utf8'));
  const refused = await rawCall(page, 'import.commit', { fileName: MIXED_CSV.file, content, acceptValidRows: false });
  expect(refused).toMatchObject({ ok: false, error: { code: 'import_invalid' } });

  await page.getByTestId('import-commit-valid').click();
  await expect(page.getByTestId('import-result')).toBeVisible();
  await expect(page.getByTestId('import-inserted')).toHaveText('5');
  await expect(page.getByTestId('import-updated')).toHaveText('0');
  await expect(page.getByTestId('import-result-unchanged')).toHaveText('0');
  await expect(page.getByTestId('import-skipped')).toHaveText('4');

  // The same file again: every valid row is already there, unchanged.
  await page.getByTestId('import-file').setInputFiles(csv);
  await expect(page.getByTestId('import-unchanged')).toHaveText('5');
  await page.getByTestId('import-commit-valid').click();
  await expect(page.getByTestId('import-inserted')).toHaveText('0');
  await expect(page.getByTestId('import-updated')).toHaveText('0');
  await expect(page.getByTestId('import-result-unchanged')).toHaveText('5');

  // An all-valid JSON file imports on Enter.
  await page.getByTestId('import-file').setInputFiles(writeSample(testInfo.outputDir, GOOD_JSON.file));
  await expect(page.getByTestId('import-ok')).toBeVisible();
  await expect(page.getByTestId('import-commit')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('import-inserted')).toHaveText('3');

  // Today's queue has the 8 imported applicants.
  await page.getByTestId('tab-queue').click();
  await expect(page.getByTestId('queue-summary')).toContainText(localToday());
  await expect(page.getByTestId('queue-count-booked')).toHaveText('8');
  await expect(page.getByTestId('queue-table')).toHaveAttribute('data-rows', '8');
});

test('a file that is not an appointment list is refused as a whole, with the reason', async ({ page, station }, testInfo) => {
  await createFirstAdmin(page, station.url);
  const fs = await import('node:fs');
  const file = `${testInfo.outputDir}/wrong.csv`;
  fs.mkdirSync(testInfo.outputDir, { recursive: true });
  fs.writeFileSync(file, 'booking_code;nik;full_name\r\nBK2501000001;3171011203850001;Ahmad\r\n');
  await previewImport(page, file);
  await expect(page.getByTestId('import-file-error')).toContainText('Kolom berikut tidak ada di file');
  await expect(page.getByTestId('import-commit')).toHaveCount(0);
  await expect(page.getByTestId('import-commit-valid')).toHaveCount(0);
});

test('a spreadsheet\'s Windows-1252 CSV is read as such and said so; names keep their letters', async ({ page, station }, testInfo) => {
  await createFirstAdmin(page, station.url);
  const fs = await import('node:fs');
  const path = await import('node:path');
  // Byte-wise: é stays the single byte E9 of the fixture, as the spreadsheet wrote it.
  const bytes = fs.readFileSync(path.join(import.meta.dirname, '../fixtures/appointments/windows-1252.csv')).toString('latin1').replaceAll('{{TODAY}}', localToday());
  fs.mkdirSync(testInfo.outputDir, { recursive: true });
  const file = path.join(testInfo.outputDir, 'windows-1252.csv');
  fs.writeFileSync(file, Buffer.from(bytes, 'latin1'));
  await page.setViewportSize({ width: 1366, height: 768 });

  await previewImport(page, file);
  await expect(page.locator('[data-testid="import-note"][data-code="encoding_windows_1252"]')).toContainText('Windows-1252');
  await expect(page.getByTestId('import-valid')).toHaveText('3');
  await expect(page.getByTestId('import-commit')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('import-inserted')).toHaveText('3');
  await page.getByTestId('tab-queue').click();
  await expect(page.getByTestId('queue-table')).toContainText('Dédé Nugroho');
  await expect(page.getByTestId('queue-table')).toContainText('Siti N\u2019aimah');
  await expect(page.getByTestId('queue-table')).not.toContainText('\uFFFD');
});

test('a NIK a spreadsheet turned into 3.47101E+15 is refused with what happened and what to do', async ({ page, station }, testInfo) => {
  await createFirstAdmin(page, station.url);
  const fs = await import('node:fs');
  const path = await import('node:path');
  const text = fs.readFileSync(path.join(import.meta.dirname, '../fixtures/appointments/scientific-notation.csv'), 'utf8').replaceAll('{{TODAY}}', localToday());
  fs.mkdirSync(testInfo.outputDir, { recursive: true });
  const file = path.join(testInfo.outputDir, 'scientific-notation.csv');
  fs.writeFileSync(file, text);
  await previewImport(page, file);
  const issue = page.locator('[data-testid="import-issue"][data-row="2"][data-field="nik"]');
  await expect(issue).toHaveAttribute('data-code', 'scientific_notation');
  await expect(issue).toContainText('Spreadsheet memendekkan angka ini');
  await expect(issue).toContainText('Ekspor kolom ini sebagai teks');
});
