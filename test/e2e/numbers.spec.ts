// The head of office opens the day in numbers on a demo day at 1366×768: tiles, four
// Chart.js charts drawn on canvases, and the CSV export agreeing with the tiles.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { test, expect } from './fixtures';
import { addOfficer, createFirstAdmin, login, logout, type Officer } from './helpers';

const HEAD: Officer = { name: 'Hendra Kepala', nip: '197505052000031003', password: 'kepala-rahasia-3' };

test.use({ viewport: { width: 1366, height: 768 }, stationDemo: true });

test('the head of office reads the day in numbers, as charts and as CSV', async ({ page, station }, testInfo) => {
  await createFirstAdmin(page, station.url);
  await addOfficer(page, HEAD, ['head']);
  await logout(page);
  await login(page, HEAD);

  // The numbers are the head of office's first screen.
  await expect(page.getByTestId('screen-numbers')).toBeVisible();
  const booked = page.getByTestId('numbers-booked').locator('.tile-value');
  await expect(booked).not.toHaveText('0');
  for (const chart of ['served', 'backlog', 'fingers', 'officers']) {
    await expect(page.getByTestId(`numbers-chart-${chart}`).locator('canvas')).toBeVisible();
  }
  await expect(page.getByTestId('numbers-returns')).toContainText('Tidak ada perekaman yang dikembalikan');
  const tiles = await page.getByTestId('numbers-tiles').boundingBox();
  expect(tiles && tiles.x + tiles.width <= 1366).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('numbers-1366x768.png'), fullPage: true });

  const download = page.waitForEvent('download');
  await page.keyboard.press('Alt+E');
  const csv = Papa.parse<{ figure: string; key: string; value: string }>(readFileSync(await (await download).path(), 'utf8'), { header: true, skipEmptyLines: true });
  expect(csv.data.find((r) => r.figure === 'booked')?.value).toBe(await booked.textContent());

  // English, for a visiting auditor.
  await page.keyboard.press('Alt+B');
  await expect(page.getByTestId('numbers-chart-backlog')).toContainText('Waiting for approval at the end of each hour');
});
