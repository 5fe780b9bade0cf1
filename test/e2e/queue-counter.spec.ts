// The queue at the counter PC (1366×768): a dozen rows and more with every column inside the
// window; a scanned or typed booking code selects that applicant so Enter opens them; search
// by the last four characters of a code and finds other days' applicants; F1 calls the next
// applicant and the waiting-room display (a second page, its own read-only token) shows the
// number and counter — and no name.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { openDemoQueue, wedgeScan } from './enrolment-helpers';
import { captureStationSocket, localToday, rawCall } from './helpers';
import { toCsv, validRecords } from '../helpers/appointment-files';
import type { AppointmentRow, DisplayAddress, QueueView } from '../../electron/contract-types';

test.use({ stationDemo: true, viewport: { width: 1366, height: 768 } });
// Each test walks a whole counter routine (login, scans, a second page): more than the
// default minute on a loaded machine.
test.describe.configure({ timeout: 180_000 });

const rowOf = (page: Page, code: string) => page.locator(`[data-testid="queue-row"][data-booking-code="${code}"]`);

async function value<T>(page: Page, method: string, input: unknown): Promise<T> {
  const r = await rawCall(page, method, input);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

test('the queue fits 1366×768: at least 12 whole rows, no horizontal scroll, one-line status bar', async ({ page, station }, testInfo) => {
  await openDemoQueue(page, station.url);
  const vw = 1366, vh = 768;
  const inside = async (locator: ReturnType<Page['locator']>, what: string) => {
    const b = await locator.boundingBox();
    expect(b, what).not.toBeNull();
    expect(b!.x, what).toBeGreaterThanOrEqual(0);
    expect(b!.y, what).toBeGreaterThanOrEqual(0);
    expect(b!.x + b!.width, what).toBeLessThanOrEqual(vw + 0.5);
    expect(b!.y + b!.height, what).toBeLessThanOrEqual(vh + 0.5);
    return b!;
  };
  const scroll = page.locator('.qt-scroll');
  const box = await inside(scroll, 'the list');
  // Rows wholly inside the list's visible box (the virtualizer renders a few more off-screen).
  const boxes = await page.getByTestId('queue-row').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ top: r.top, bottom: r.bottom })));
  const whole = boxes.filter((r) => r.top >= box.y - 0.5 && r.bottom <= box.y + box.height + 0.5);
  expect(whole.length).toBeGreaterThanOrEqual(12);
  // No horizontal scroll anywhere on the way, and the last column (actions) is in the window.
  for (const sel of ['html', '.screen', '.qt', '.qt-scroll']) {
    const [sw, cw] = await page.locator(sel).first().evaluate((e) => [e.scrollWidth, e.clientWidth]);
    expect(sw, `${sel} scrolls sideways`).toBeLessThanOrEqual(cw);
  }
  await inside(page.getByTestId('row-action').first(), 'the first row\'s action button');
  await inside(page.locator('.qt-head [role="columnheader"]').last(), 'the actions header');
  await inside(page.getByTestId('queue-search'), 'the search box');
  await inside(page.getByTestId('queue-call-next'), 'call next');
  // The status bar is one line: no taller than its tallest control, and inside the window.
  const bar = await inside(page.getByTestId('status-bar'), 'the status bar');
  const tallest = Math.max(...(await page.getByTestId('status-bar').locator('.btn, .device, .link').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height))));
  expect(bar.height).toBeLessThan(tallest * 1.9);
  await page.screenshot({ path: testInfo.outputPath('queue-1366x768.png') });

  // A scan's outcome and a notice take the one line above the list; the list does not move.
  const code = (await page.getByTestId('queue-row').nth(3).getAttribute('data-booking-code'))!;
  await wedgeScan(page, code);
  expect((await scroll.boundingBox())!.y).toBeCloseTo(box.y, 0);
  await page.screenshot({ path: testInfo.outputPath('queue-1366x768-scanned.png') });
});

test('scan, then Enter opens the scanned applicant; a typed code and a quick Enter too', async ({ page, station }) => {
  await openDemoQueue(page, station.url);
  const search = page.getByTestId('queue-search');
  const fifth = page.getByTestId('queue-row').nth(4);
  const code = (await fifth.getAttribute('data-booking-code'))!;
  const name = ((await fifth.locator('.qt-name').textContent()) ?? '').trim();

  await wedgeScan(page, code);
  await expect(page.getByTestId('checkin-banner')).toHaveAttribute('data-result', 'checked_in');
  // The scanned applicant is the selected row, with a queue number given at check-in.
  await expect(rowOf(page, code)).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('[data-testid="queue-row"][aria-selected="true"]')).toHaveCount(1);
  await expect(rowOf(page, code).getByTestId('queue-number')).toHaveText(/^\d{3}$/);
  await expect(search).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('screen-enrolment')).toBeVisible();
  await expect(page.getByTestId('screen-enrolment')).toContainText(name);

  // Back to the queue: a code typed by hand and Enter at once (before the search has
  // answered) checks in that applicant, not the first row.
  await page.keyboard.press('F4');
  await expect(page.getByTestId('screen-queue')).toBeVisible();
  const first = page.getByTestId('queue-row').first();
  const firstCode = (await first.getAttribute('data-booking-code'))!;
  const eighth = page.getByTestId('queue-row').nth(7);
  const typed = (await eighth.getAttribute('data-booking-code'))!;
  await search.focus();
  await search.pressSequentially(typed.toLowerCase(), { delay: 90 });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('checkin-banner')).toHaveAttribute('data-code', typed);
  await expect(page.getByTestId('checkin-banner')).toHaveAttribute('data-result', 'checked_in');
  await expect(rowOf(page, typed)).toHaveAttribute('aria-selected', 'true');
  await expect(rowOf(page, firstCode)).not.toHaveAttribute('data-status', 'checked_in');
  await expect(page.getByTestId('status-dialog')).toHaveCount(0);
});

test('search by the last four characters of a code, and an applicant of another day', async ({ page, station }) => {
  await captureStationSocket(page);
  await openDemoQueue(page, station.url);
  const search = page.getByTestId('queue-search');
  const code = (await page.getByTestId('queue-row').nth(11).getAttribute('data-booking-code'))!;
  await search.fill(code.slice(-4));
  await expect(rowOf(page, code)).toBeVisible();
  await expect(page.getByTestId('queue-row').first()).toHaveAttribute('data-booking-code', code.slice(-4) === code ? code : /./);

  // Last week's applicant, found from the same box by a piece of the name, with the date.
  const lastWeek = new Date(Date.now() - 7 * 86_400_000);
  const day = localToday(lastWeek);
  const old: Record<string, string>[] = validRecords(day, 3, 77).map((r) => ({ ...r, booking_code: `LW${r.booking_code}` }));
  old[1]!.full_name = 'RATNA KUSUMAWARDHANI';
  await value(page, 'import.commit', { fileName: 'last-week.csv', content: toCsv(old) });
  await search.fill('');
  await search.fill('umawar');
  const other = rowOf(page, old[1]!.booking_code!);
  await expect(other).toBeVisible();
  await expect(other).toHaveAttribute('data-date', day);
  await expect(other.getByTestId('row-other-day')).toHaveText(day);
  // And by its code's last four characters.
  await search.fill(old[1]!.booking_code!.slice(-4));
  await expect(rowOf(page, old[1]!.booking_code!)).toBeVisible();
});

test('F1 calls the next applicant; the waiting-room display shows number and counter, no name', async ({ page, station, context }, testInfo) => {
  await captureStationSocket(page);
  await openDemoQueue(page, station.url);
  const today = localToday();
  const all = (await value<QueueView>(page, 'queue.view', { date: today })).rows;
  // Two applicants of different time slots, checked in latest slot first.
  const [early, late] = [all[2]!, all.at(-3)!];
  expect(early.timeSlot < late.timeSlot || early.priority.length > 0).toBe(true);
  await wedgeScan(page, late.bookingCode);
  await wedgeScan(page, early.bookingCode);
  const byOrder = [early, late].sort((a, b) => Number(b.priority.length > 0) - Number(a.priority.length > 0) || a.timeSlot.localeCompare(b.timeSlot));

  // The display: its own address (read-only token), opened on a second page like a TV.
  const address = await value<DisplayAddress>(page, 'queue.displayAddress', {});
  expect(address.path).toMatch(/^\/display\.html#token=/);
  const tv = await context.newPage();
  await tv.goto(new URL(address.path, new URL(station.url).origin).href);
  await expect(tv.getByTestId('display')).toHaveAttribute('data-link', 'open');
  await expect(tv.getByTestId('display-latest')).not.toHaveAttribute('data-number', /./);
  await tv.mouse.click(10, 10); // a TV's first touch turns its sound on

  await page.getByTestId('queue-search').focus();
  await page.keyboard.press('F1');
  const line = page.getByTestId('queue-call-line');
  const firstRow = (await value<AppointmentRow>(page, 'queue.get', { id: byOrder[0]!.id }));
  const number = String(firstRow.queueNumber).padStart(3, '0');
  await expect(line).toHaveAttribute('data-number', number);
  await expect(line).toContainText(firstRow.fullName);
  await expect(rowOf(page, firstRow.bookingCode)).toHaveAttribute('aria-selected', 'true');
  await expect(tv.getByTestId('display-latest')).toHaveAttribute('data-number', number);
  await expect(tv.getByTestId('display-latest')).toHaveAttribute('data-counter', address.counter);
  await expect(tv.locator('body')).toHaveAttribute('data-chimes', '1');
  await tv.screenshot({ path: testInfo.outputPath('waiting-room-display.png') });

  // The next call: the other applicant; the first moves to the list below.
  await page.keyboard.press('F1');
  const second = await value<AppointmentRow>(page, 'queue.get', { id: byOrder[1]!.id });
  const number2 = String(second.queueNumber).padStart(3, '0');
  await expect(tv.getByTestId('display-latest')).toHaveAttribute('data-number', number2);
  await expect(tv.getByTestId('display-list')).toContainText(number);
  await expect(tv.locator('body')).toHaveAttribute('data-chimes', '2');
  // Privacy: numbers and counters only.
  for (const r of [firstRow, second]) {
    await expect(tv.locator('body')).not.toContainText(r.fullName);
    await expect(tv.locator('body')).not.toContainText(r.bookingCode);
  }
  // Nobody else is waiting: the officer is told what to do.
  await page.keyboard.press('F1');
  await expect(line).toHaveAttribute('data-kind', 'problem');
  await expect(line).toContainText('Tidak ada pemohon');
  // Enter opens the called applicant (still selected).
  await page.keyboard.press('Escape');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('screen-enrolment')).toContainText(second.fullName);

  // A wrong token opens nothing.
  const bad = await context.newPage();
  await bad.goto(new URL('/display.html#token=not-the-token', new URL(station.url).origin).href);
  await expect(bad.getByTestId('display-status')).toContainText('tidak berlaku');
});
