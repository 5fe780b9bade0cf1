// The mobile unit's trip at 1366 × 768, in Chromium, against a real office service on a real
// PostgreSQL (started here). Another counter of the office booked two applicants for the
// trip's days; the technician opens the trip from Settings, prepares it (the bookings come,
// the office's backup key shows, the status bar says "on trip"); the counter officer works
// offline and may not prepare a trip (refused by the station); the technician writes the
// encrypted backup to a folder, presses "Finish" while the office is stopped (the sentence
// says the link broke and to press again), and once the office is back the trip ends.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { OfficeLink, pairWithOffice } from '../../electron/services/office-link';
import { startOffice, type Office } from '../../office/service';
import { createPairingCode } from '../../office/stations';
import { createDatabase, startPostgres, type TestPostgres } from '../helpers/postgres';
import { appointmentFields, openStore, type TestStore } from '../helpers/stores';
import { expect, test } from './fixtures';
import { ADMIN, addOfficer, captureStationSocket, createFirstAdmin, localToday, login, logout, rawCall, type Officer, fillWalkIn } from './helpers';

test.use({ viewport: { width: 1366, height: 768 } });
const TECH: Officer = { name: 'Rudi Teknisi', nip: '198503032010011004', password: 'rahasia-teknik-3' };
const WATI: Officer = { name: 'Wati Kusuma', nip: '198812122014022006', password: 'loket-wati-2024' };

let pg: TestPostgres;
let pgUrl: string;
let office: Office;
let officeDir: string;
let counter: TestStore;
/** The test stops the office part-way and starts it again. */
let officeUp = false;
test.beforeAll(async () => {
  pg = await startPostgres();
  officeDir = mkdtempSync(path.join(tmpdir(), 'loket-office-'));
  pgUrl = await createDatabase(pg.url, `e2e_${randomBytes(5).toString('hex')}`);
  office = await startOffice({ pgUrl, dataDir: officeDir, port: 0, host: '127.0.0.1' });
  officeUp = true;
  // Another counter of the office booked two applicants on the trip's days.
  counter = openStore(undefined, { ms: Date.now() });
  await pairWithOffice(counter.store, office.server.url, (await createPairingCode(office.pool)).shown, 'Loket 1');
  const plus = (n: number) => localToday(new Date(Date.now() + n * 86_400_000));
  for (const [i, day] of [plus(1), plus(2), plus(20)].entries()) {
    counter.store.tx(() => counter.store.appointments.insert(appointmentFields(i + 1, day), { status: 'booked', priority: [], walkIn: false, sourceHash: null, at: new Date().toISOString() }));
  }
  await new OfficeLink(counter.store).sync();
});
test.afterAll(async () => {
  counter?.store.close();
  if (counter) rmSync(counter.dir, { recursive: true, force: true });
  if (officeUp) await office.stop();
  await pg?.stop();
  rmSync(officeDir, { recursive: true, force: true });
});

async function inViewport(page: Page, testIds: string[]): Promise<void> {
  for (const id of testIds) {
    const box = await page.getByTestId(id).boundingBox();
    expect(box, id).not.toBeNull();
    expect(box!.x + box!.width, `${id} right edge`).toBeLessThanOrEqual(1366);
    expect(box!.y + box!.height, `${id} bottom edge`).toBeLessThanOrEqual(768);
  }
}

test('a mobile unit prepares its trip, works offline, backs up, and finishes after the office comes back', async ({ page, station }) => {
  test.setTimeout(240_000);
  await captureStationSocket(page);
  await createFirstAdmin(page, station.url);
  await addOfficer(page, TECH, ['technician']);
  await addOfficer(page, WATI, ['counter']);
  await page.keyboard.press('F8');
  await page.getByTestId('office-url').fill(office.server.url);
  await page.getByTestId('office-code').fill((await createPairingCode(office.pool)).shown);
  await page.getByTestId('office-station-name').fill('Mobil 1');
  await page.getByTestId('office-pair').click();
  await expect(page.getByTestId('office-paired')).toBeVisible();
  // The administrator finds the trip from Settings.
  await page.getByTestId('settings-trip').click();
  await expect(page.getByTestId('trip-screen')).toBeVisible();
  // The administrator's tab bar still fits the counter's screen with the trip's tab in it.
  await inViewport(page, ['tab-trip', 'tab-settings']);
  await logout(page);

  // The technician readies the laptop: today and the six days after it, by default.
  await login(page, TECH);
  await page.keyboard.press('Shift+F8');
  await expect(page.getByTestId('trip-from')).toHaveValue(localToday());
  await expect(page.getByTestId('trip-to')).toHaveValue(localToday(new Date(Date.now() + 6 * 86_400_000)));
  await expect(page.getByTestId('trip-from')).toBeFocused();
  await inViewport(page, ['trip-from', 'trip-to', 'trip-prepare']);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('trip-message')).toContainText('2 booking ditarik');
  await expect(page.getByTestId('trip-since')).toContainText('Dalam perjalanan sejak');
  const publicKey = /# public key: (age1\w+)/.exec(readFileSync(path.join(officeDir, 'office-backup-key.txt'), 'utf8'))![1]!;
  await expect(page.getByTestId('trip-key')).toHaveText(`${publicKey.slice(0, 12)}…${publicKey.slice(-8)}`);
  await expect(page.getByTestId('trip-badge')).toContainText('Perjalanan');
  await expect(page.getByTestId('trip-last-backup')).toContainText('Belum ada cadangan');
  await logout(page);

  // On the road (no office): the counter officer works, sees the badge, and may not prepare a trip.
  await office.stop();
  officeUp = false;
  await login(page, WATI);
  await expect(page.getByTestId('trip-badge')).toBeVisible();
  await expect(page.getByTestId('tab-trip')).toHaveCount(0);
  expect(await rawCall(page, 'trip.prepare', { from: localToday(), to: localToday() })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  await fillWalkIn(page);
  await page.getByTestId('walkin-submit').click();
  await expect(page.getByTestId('notice')).toContainText('Nur Aini');
  await logout(page);

  // Back home: a backup to the drive, then "Finish" while the office is still away.
  await login(page, TECH);
  await page.keyboard.press('Shift+F8');
  await expect(page.getByTestId('trip-finish')).toBeFocused();
  const waiting = Number(await page.getByTestId('trip-waiting').getAttribute('data-waiting'));
  expect(waiting).toBeGreaterThan(0);
  await page.getByTestId('trip-backup').click();
  await expect(page.getByTestId('trip-error')).toContainText('Pilih flashdisk');
  const usb = mkdtempSync(path.join(tmpdir(), 'loket-usb-'));
  try {
    await page.getByTestId('trip-drive-other').check();
    await page.getByTestId('trip-other-dir').fill(usb);
    await inViewport(page, ['trip-backup', 'trip-finish']);
    await page.keyboard.press('Alt+C');
    await expect(page.getByTestId('trip-message')).toContainText('Cadangan ditulis');
    const written = readdirSync(usb);
    expect(written).toHaveLength(1);
    await expect(page.getByTestId('trip-message')).toContainText(written[0]!);
    const file = path.join(usb, written[0]!);
    expect(readFileSync(file).subarray(0, 21).toString()).toBe('age-encryption.org/v1');
    await expect(page.getByTestId('trip-last-backup')).toContainText(`${waiting} perubahan`);
    await page.screenshot({ path: test.info().outputPath('trip-on.png') });
    // With the message above them, the trip's two actions and the badge are still on screen.
    await inViewport(page, ['trip-backup', 'trip-finish', 'trip-badge', 'logout-button']);

    await page.getByTestId('trip-finish').click();
    await expect(page.getByTestId('trip-error')).toContainText('Sambungan ke kantor terputus');
    await expect(page.getByTestId('trip-error')).toContainText('tekan Selesai perjalanan lagi');
    await expect(page.getByTestId('trip-on')).toBeVisible();
    await expect(page.getByTestId('trip-finish')).toBeFocused();

    // The office is back on its address: pressed again, the trip ends (a second backup first).
    office = await startOffice({ pgUrl, dataDir: officeDir, port: Number(new URL(office.server.url).port), host: '127.0.0.1' });
    officeUp = true;
    await page.keyboard.press('Alt+S');
    await expect(page.getByTestId('trip-message')).toContainText('Perjalanan selesai', { timeout: 30_000 });
    await expect(page.getByTestId('trip-prepare-form')).toBeVisible();
    await expect(page.getByTestId('trip-badge')).toHaveCount(0);
    expect(existsSync(usb)).toBe(true);
    // The walk-in made on the road reached the office.
    const { rows } = await office.pool.query<{ n: string }>("SELECT count(*) AS n FROM changes WHERE tbl = 'appointments' AND vals::text LIKE '%3578014506000001%'");
    expect(Number(rows[0]!.n)).toBeGreaterThan(0);
  } finally {
    rmSync(usb, { recursive: true, force: true });
  }

  // The administrator's full resync, behind a sentence that says what it does; Esc keeps it undone.
  await logout(page);
  await login(page, ADMIN);
  await page.keyboard.press('F8');
  await page.getByTestId('office-resync').click();
  await expect(page.getByTestId('office-resync-confirm')).toContainText('Tidak ada pekerjaan stasiun ini yang hilang');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('office-resync-confirm')).toHaveCount(0);
  await page.getByTestId('office-resync').click();
  await page.getByTestId('confirm-yes').click();
  await expect(page.getByTestId('office-resync-done')).toBeVisible({ timeout: 30_000 });
  const audit = await rawCall(page, 'audit.list', { action: 'office.resync' });
  expect(audit).toMatchObject({ ok: true });
  expect((audit as { value: { action: string }[] }).value.filter((r) => r.action === 'office.resync')).toHaveLength(1);
});
