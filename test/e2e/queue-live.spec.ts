import { test, expect } from './fixtures';
import { ADMIN, addOfficer, createFirstAdmin, login, type Officer, fillWalkIn } from './helpers';

const WATI: Officer = { name: 'Wati Kusuma', nip: '198812122014022006', password: 'loket-wati-2024' };

test('a queue open on one screen follows changes made at another counter', async ({ page, station, browser }) => {
  await createFirstAdmin(page, station.url);
  await addOfficer(page, WATI, ['counter']);
  await page.keyboard.press('F4');
  await expect(page.getByTestId('queue-empty')).toBeVisible();

  // A second counter on the same station (its own connection and session).
  const other = await browser.newContext({ locale: 'id-ID', viewport: { width: 1600, height: 1000 } });
  try {
    const counter = await other.newPage();
    await counter.goto(station.url);
    await login(counter, WATI);
    await fillWalkIn(counter);
    await counter.getByTestId('walkin-submit').click();
    await expect(counter.getByTestId('notice')).toContainText('Nur Aini');
  } finally {
    await other.close();
  }

  // The administrator's queue shows the walk-in without anyone pressing refresh.
  await expect(page.getByTestId('queue-row')).toHaveCount(1);
  await expect(page.getByTestId('queue-row').first()).toContainText('Nur Aini');
  await expect(page.getByTestId('queue-count-checked_in')).toHaveText('1');
  await expect(page.getByTestId('status-officer')).toContainText(ADMIN.name);
});
