// Check-in at the queue with a keyboard-wedge barcode scanner: the scanner's fast keystrokes
// and Enter check the applicant in (they are not a search), and the banner names the result.
import { test, expect } from './fixtures';
import { openDemoQueue, wedgeScan } from './enrolment-helpers';
import { captureStationSocket, holdStationAnswers, rawCall } from './helpers';

test.use({ stationDemo: true });

test('a wedge scan checks the applicant in; a used or unknown code is said so, and typing stays a search', async ({ page, station }) => {
  await captureStationSocket(page);
  await openDemoQueue(page, station.url);
  const search = page.getByTestId('queue-search');
  const banner = page.getByTestId('checkin-banner');

  const first = page.getByTestId('queue-row').first();
  const code = (await first.getAttribute('data-booking-code')) ?? '';
  const name = ((await first.locator('.qt-name').textContent()) ?? '').trim();
  expect(code).toMatch(/^BK\d{10}$/);
  await expect(first).toHaveAttribute('data-status', 'booked');

  await wedgeScan(page, code);
  await expect(banner).toHaveAttribute('data-result', 'checked_in');
  await expect(banner).toContainText(name);
  await expect(banner).toContainText('tercatat hadir');
  const row = page.locator(`[data-testid="queue-row"][data-booking-code="${code}"]`);
  await expect(row).toHaveAttribute('data-status', 'checked_in');
  // The scan was not left behind as a search, and its Enter did not act on a row.
  await expect(search).toHaveValue('');
  await expect(page.getByTestId('queue-table')).toHaveAttribute('data-rows', '60');
  await expect(page.getByTestId('status-dialog')).toHaveCount(0);
  await expect(page.getByTestId('screen-queue')).toBeVisible();

  // The same booking again: already used, with whose it is.
  await wedgeScan(page, code);
  await expect(banner).toHaveAttribute('data-result', 'used');
  await expect(banner).toContainText(name);
  await expect(banner).toContainText('sudah dipakai');

  // A code nobody booked.
  await wedgeScan(page, 'BK0000009999');
  await expect(banner).toHaveAttribute('data-result', 'unknown');
  await expect(banner).toContainText('BK0000009999 tidak dikenal');
  await expect(search).toHaveValue('');

  // A serial/HID scanner's read arrives as an event (here the demo's simulated scanner).
  const third = page.getByTestId('queue-row').nth(2);
  const thirdCode = (await third.getAttribute('data-booking-code')) ?? '';
  const thirdName = ((await third.locator('.qt-name').textContent()) ?? '').trim();
  expect(await rawCall(page, 'devices.simulate', { id: 'barcode-sim', action: 'scan_code', code: thirdCode })).toEqual({ ok: true, value: null });
  await expect(banner).toHaveAttribute('data-code', thirdCode);
  await expect(banner).toHaveAttribute('data-result', 'checked_in');
  await expect(banner).toContainText(thirdName);
  await expect(page.locator(`[data-testid="queue-row"][data-booking-code="${thirdCode}"]`)).toHaveAttribute('data-status', 'checked_in');

  // Typed at a person's pace, a code is a search, not a check-in.
  const second = page.getByTestId('queue-row').nth(1);
  const other = (await second.getAttribute('data-booking-code')) ?? '';
  await search.pressSequentially(other, { delay: 120 });
  await expect(page.getByTestId('queue-table')).toHaveAttribute('data-rows', '1');
  await expect(page.locator(`[data-testid="queue-row"][data-booking-code="${other}"]`)).toHaveAttribute('data-status', 'booked');
  await expect(banner).toHaveAttribute('data-code', thirdCode);
});

test('Enter right after a scan opens the checked-in applicant, even before the list has reloaded', async ({ page, station }) => {
  const later = await holdStationAnswers(page, 'queue.view', { holding: false });
  await captureStationSocket(page);
  await openDemoQueue(page, station.url);
  // From now the list's reloads are held back: the check-in's own answer is all the screen has.
  later.hold();
  const first = page.getByTestId('queue-row').first();
  const code = (await first.getAttribute('data-booking-code')) ?? '';
  expect(await rawCall(page, 'devices.simulate', { id: 'barcode-sim', action: 'scan_code', code })).toEqual({ ok: true, value: null });
  await expect(page.getByTestId('checkin-banner')).toHaveAttribute('data-result', 'checked_in');
  await expect.poll(later.held, 'the list asked again after the check-in').toBeGreaterThan(0);
  await expect(page.locator(`[data-testid="queue-row"][data-booking-code="${code}"]`)).toHaveAttribute('data-status', 'checked_in');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('screen-enrolment')).toBeVisible();
  await expect(page.getByTestId('status-dialog')).toHaveCount(0);
  later.release();
});
