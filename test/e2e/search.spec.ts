import { test, expect } from './fixtures';
import { createFirstAdmin, previewImport } from './helpers';
import { GOOD_JSON, MIXED_CSV, writeSample } from './samples';

test('the queue narrows as the officer types a name, a NIK or a booking code', async ({ page, station }, testInfo) => {
  await createFirstAdmin(page, station.url);
  await previewImport(page, writeSample(testInfo.outputDir, MIXED_CSV.file));
  await page.getByTestId('import-commit-valid').click();
  await expect(page.getByTestId('import-inserted')).toHaveText('5');
  await page.getByTestId('import-file').setInputFiles(writeSample(testInfo.outputDir, GOOD_JSON.file));
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-inserted')).toHaveText('3');

  await page.keyboard.press('F4');
  const search = page.getByTestId('queue-search');
  const table = page.getByTestId('queue-table');
  const rows = page.getByTestId('queue-row');
  await expect(search).toBeFocused();
  await expect(table).toHaveAttribute('data-rows', '8');

  // Typed key by key, as an officer does; the table follows without pressing anything.
  await search.pressSequentially('dewi', { delay: 30 });
  await expect(table).toHaveAttribute('data-query', 'dewi');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Dewi "Uwi" Lestari');

  await search.fill('');
  await search.pressSequentially('3578011504720003', { delay: 10 });
  await expect(table).toHaveAttribute('data-query', '3578011504720003');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-booking-code', 'BK2501000003');

  await search.fill('bk2501000102');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Joko Susilo');
  // F5 refreshes the list, never the page (a reload would end the session).
  await page.keyboard.press('F5');
  await expect(search).toHaveValue('bk2501000102');
  await expect(rows).toHaveCount(1);

  await search.fill('tidak-ada-pemohon-ini');
  await expect(page.getByTestId('queue-empty')).toBeVisible();
  await expect(rows).toHaveCount(0);

  // Esc clears the search; the status chips and the time-slot select narrow the list too.
  await page.keyboard.press('Escape');
  await expect(search).toHaveValue('');
  await expect(table).toHaveAttribute('data-rows', '8');
  await page.getByTestId('slot-select').selectOption('13:00-14:00');
  await expect(rows).toHaveCount(2);
  await page.getByTestId('slot-select').selectOption('');
  await page.getByTestId('status-chip-checked_in').click();
  await expect(page.getByTestId('queue-empty')).toBeVisible();
  await page.getByTestId('status-chip-all').click();
  await expect(table).toHaveAttribute('data-rows', '8');
});
