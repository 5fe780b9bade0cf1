// Two stations of one office, paired through their settings screens with codes from a real
// office service on a real PostgreSQL (started here): a walk-in registered at one counter
// appears in the other station's queue without anyone refreshing, and the status bar shows
// the link.
import { rmSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, launchStation, test, type StationProcess } from './fixtures';
import { addOfficer, createFirstAdmin, login, type Officer, fillWalkIn } from './helpers';
import { pairThroughSettings, useOfficeService } from './office-service';

const WATI: Officer = { name: 'Wati Kusuma', nip: '198812122014022006', password: 'loket-wati-2024' };
const BUDI: Officer = { name: 'Budi Santoso', nip: '197905052005011003', password: 'admin-kedua-22' };

const bed = useOfficeService();
const pair = (page: Page, name: string): Promise<void> => pairThroughSettings(page, bed.office, name);

test('a walk-in registered at one counter appears in the queue of another station of the office', async ({ page, station, browser }) => {
  // A database, an office service and two stations: more start-up than one test's usual minute.
  test.setTimeout(180_000);
  let second: StationProcess | null = null;
  try {
    second = await launchStation();
    await createFirstAdmin(page, station.url);
    await addOfficer(page, WATI, ['counter']);
    await pair(page, 'Loket 1');

    const otherContext = await browser.newContext({ locale: 'id-ID', viewport: { width: 1366, height: 768 } });
    const other = await otherContext.newPage();
    await createFirstAdmin(other, second.url, BUDI);
    await pair(other, 'Loket 2');
    // The officers of station 1 reached station 2 with the pull that followed pairing.
    await other.keyboard.press('F4');
    await expect(other.getByTestId('queue-empty')).toBeVisible();

    // A wrong code is refused with a sentence, and the pairing stays as it was.
    await other.keyboard.press('F8');
    await other.getByTestId('office-url').fill(bed.office.server.url);
    await other.getByTestId('office-code').fill('AAAA-BBBB-CCCC');
    await other.getByTestId('office-station-name').fill('Loket 2');
    await other.getByTestId('office-pair').click();
    await expect(other.getByTestId('office-error')).toContainText('Kode pemasangan salah');
    await expect(other.getByTestId('office-paired')).toBeVisible();
    await other.keyboard.press('F4');

    // Wati registers a walk-in at station 1.
    await page.getByTestId('logout-button').click();
    await login(page, WATI);
    await fillWalkIn(page);
    const sentAt = Date.now();
    await page.getByTestId('walkin-submit').click();
    await expect(page.getByTestId('notice')).toContainText('Nur Aini');

    // Station 2's queue shows her without a refresh (the goal is within a second; the
    // assertion allows for a loaded test machine, the bench measures the figure).
    await expect(other.getByTestId('queue-row')).toHaveCount(1, { timeout: 10_000 });
    await expect(other.getByTestId('queue-row').first()).toContainText('Nur Aini');
    test.info().annotations.push({ type: 'live propagation', description: `${Date.now() - sentAt} ms` });
    await otherContext.close();
  } finally {
    if (second) { await second.stop(); rmSync(second.dataDir, { recursive: true, force: true }); }
  }
});
