// The head of office reads the audit trail at the counter's 1366×768: only the audit tab,
// a failed log-in found by filtering, the chain checked with one key, the export saved and
// read back by a CSV parser.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { test, expect } from './fixtures';
import { addOfficer, createFirstAdmin, login, logout, type Officer } from './helpers';

const HEAD: Officer = { name: 'Hendra Kepala', nip: '197505052000031003', password: 'kepala-rahasia-3' };

test.use({ viewport: { width: 1366, height: 768 } });

test('the head of office filters the audit trail, verifies the chain and exports it', async ({ page, station }, testInfo) => {
  await createFirstAdmin(page, station.url);
  await addOfficer(page, HEAD, ['head']);
  await logout(page);
  // A wrong password leaves a trace the head of office can find.
  await page.getByTestId('login-nip').fill(HEAD.nip);
  await page.getByTestId('login-password').fill('bukan-sandinya-1');
  await page.getByTestId('login-password').press('Enter');
  await expect(page.getByTestId('login-error')).toBeVisible();
  await login(page, HEAD);

  await expect(page.getByTestId('status-roles')).toHaveText('Kepala kantor');
  await expect(page.getByTestId('tab-numbers')).toBeVisible();
  for (const tab of ['queue', 'walkin', 'import', 'devices', 'officers', 'settings']) await expect(page.getByTestId(`tab-${tab}`)).toHaveCount(0);
  await page.keyboard.press('F10');
  await expect(page.getByTestId('audit-table')).toBeVisible();
  await expect(page.getByTestId('audit-row').first()).toBeVisible();

  await page.getByTestId('audit-action').selectOption('login.failed');
  const rows = page.getByTestId('audit-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Gagal masuk');
  await expect(rows.first()).toContainText(HEAD.nip);

  await page.keyboard.press('Alt+V');
  await expect(page.getByTestId('audit-verify-result')).toContainText('Rantai audit utuh');

  const box = await page.getByTestId('audit-table').boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 1366).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('audit-1366x768.png') });

  const download = page.waitForEvent('download');
  await page.getByTestId('audit-export').click();
  const file = await (await download).path();
  const csv = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true });
  expect(csv.data.map((r) => r.action)).toEqual(['login.failed']);
  await expect(page.getByTestId('notice')).toContainText('1 tindakan diekspor');
});
