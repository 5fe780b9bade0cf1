// Big files on the import screen, in Chromium at the counter's 1366×768: a 52 MB file is
// refused before anything is sent, with a sentence naming its size and the limit; a file of
// several MB goes to the station in chunks and imports whole.
import { closeSync, mkdirSync, openSync, ftruncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { createFirstAdmin, localToday } from './helpers';
import { GOOD_JSON, writeSample } from './samples';
import { toCsv, validRecords } from '../helpers/appointment-files';

test.use({ viewport: { width: 1366, height: 768 } });

/** Records every message the page sends to the station: its method and its size. */
async function recordSocket(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const sent: { m: string; bytes: number }[] = [];
    (window as unknown as { __sent: typeof sent }).__sent = sent;
    const send = WebSocket.prototype.send;
    WebSocket.prototype.send = function (this: WebSocket, data) {
      const text = String(data);
      let m = '?';
      try { m = (JSON.parse(text) as { m?: string }).m ?? '?'; } catch { /* not ours */ }
      sent.push({ m, bytes: new TextEncoder().encode(text).length });
      return send.call(this, data);
    };
  });
}
const sentMessages = (page: Page) => page.evaluate(() => (window as unknown as { __sent: { m: string; bytes: number }[] }).__sent);

test('a 52 MB file is refused in the browser with its size and the limit; nothing is sent', async ({ page, station }, testInfo) => {
  await recordSocket(page);
  await createFirstAdmin(page, station.url);
  mkdirSync(testInfo.outputDir, { recursive: true });
  const huge = path.join(testInfo.outputDir, 'jadwal-besar.csv');
  const fd = openSync(huge, 'w');
  ftruncateSync(fd, 52 * 1024 * 1024);
  closeSync(fd);

  await page.getByTestId('tab-import').click();
  await page.getByTestId('import-file').setInputFiles(huge);
  await expect(page.getByTestId('import-too-large')).toContainText(
    'Berkas 52 MB melebihi batas 40 MB. Pilih berkas ekspor yang lebih kecil, atau bagi jadwal menjadi beberapa berkas.',
  );
  await expect(page.getByTestId('import-preview')).toHaveCount(0);
  const sent = await sentMessages(page);
  expect(sent.filter((s) => s.m.startsWith('import.'))).toEqual([]);
  expect(Math.max(...sent.map((s) => s.bytes))).toBeLessThan(4096);

  // The station answers on: a good file right after is checked as usual.
  await page.getByTestId('import-file').setInputFiles(writeSample(testInfo.outputDir, GOOD_JSON.file));
  await expect(page.getByTestId('import-ok')).toBeVisible();
  await expect(page.getByTestId('import-too-large')).toHaveCount(0);
});

test('a file of several MB goes in chunks and imports whole', async ({ page, station }, testInfo) => {
  await recordSocket(page);
  await createFirstAdmin(page, station.url);
  const rows = validRecords(localToday(), 1_000, 5);
  // An export with a long extra column (ignored by the import): ~3.5 MB, four chunks.
  const csv = toCsv(rows).split('\r\n').map((line, i) => (line ? `${line};${i === 0 ? 'catatan' : 'x'.repeat(3_300)}` : line)).join('\r\n');
  mkdirSync(testInfo.outputDir, { recursive: true });
  const file = path.join(testInfo.outputDir, 'jadwal-panjang.csv');
  writeFileSync(file, csv);

  await page.getByTestId('tab-import').click();
  await page.getByTestId('import-file').setInputFiles(file);
  await expect(page.getByTestId('import-ok')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('import-total')).toHaveText('1000');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-inserted')).toHaveText('1000', { timeout: 30_000 });

  const sent = await sentMessages(page);
  const chunks = sent.filter((s) => s.m === 'import.chunk');
  expect(chunks.length).toBeGreaterThanOrEqual(4);
  expect(sent.filter((s) => s.m === 'import.begin')).toHaveLength(1);
  // Each message far below the host's 32 MiB limit.
  expect(Math.max(...sent.map((s) => s.bytes))).toBeLessThan(8 * 1024 * 1024);
});
