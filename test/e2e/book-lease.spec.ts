// A paired print station at 1366 × 768 leases blank books from a real office service (on a
// real PostgreSQL started here): without a lease the panel says no book may be printed;
// after a delivery is recorded and a lease requested, the panel shows the leased books.
import { createPairingCode } from '../../office/stations';
import { officeService } from './office-service';
import { listLeases } from '../../office/leases';
import { expect, test } from './fixtures';
import { addOfficer, createFirstAdmin, login, logout, type Officer } from './helpers';

test.use({ viewport: { width: 1366, height: 768 } });
const PRINTER: Officer = { name: 'Dian Cetak', nip: '199105052016052005', password: 'rahasia-cetak-5' };

const office = officeService();

test('a paired print station leases blank books from the office and sees what is left', async ({ page, station }) => {
  test.setTimeout(180_000);
  await createFirstAdmin(page, station.url);
  await addOfficer(page, PRINTER, ['print', 'supervisor']);
  await page.keyboard.press('F8');
  await page.getByTestId('office-url').fill(office().server.url);
  await page.getByTestId('office-code').fill((await createPairingCode(office().pool)).shown);
  await page.getByTestId('office-station-name').fill('Cetak 1');
  await page.getByTestId('office-pair').click();
  await expect(page.getByTestId('office-paired')).toBeVisible();
  await logout(page);
  await login(page, PRINTER);

  await page.keyboard.press('F11');
  await page.getByTestId('print-section-stock').click();
  await expect(page.getByTestId('lease-empty')).toContainText('Tidak ada buku blangko tersisa');
  await page.getByTestId('receive-reference').fill('SP-2026-201');
  await page.getByTestId('receive-series').selectOption('elektronik');
  await page.getByTestId('receive-first').fill('C3000001');
  await page.getByTestId('receive-last').fill('C3000030');
  await page.getByTestId('receive-submit').click();
  await expect(page.getByTestId('stock-message')).toBeVisible();

  await page.getByTestId('lease-series').selectOption('elektronik');
  await page.getByTestId('lease-count').fill('12');
  await page.getByTestId('lease-submit').click();
  await expect(page.getByTestId('lease-message')).toContainText('12 buku blangko');
  await expect(page.getByTestId('lease-row')).toContainText('C3000001–C3000012');
  await expect(page.getByTestId('lease-empty')).toHaveCount(0);
  const box = await page.getByTestId('lease-panel').boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(1366);
  expect((await listLeases(office().pool)).map((l) => [l.firstSerial, l.lastSerial, l.held])).toEqual([['C3000001', 'C3000012', 12]]);
});
