// An administrator disables an officer while the officer is at work in another window: the
// officer's screen returns to the login at once and says why (a real station, real Chromium,
// two windows = two station sessions).
import { test, expect } from './fixtures';
import { addOfficer, createFirstAdmin, login, type Officer } from './helpers';

const OFFICER: Officer = { name: 'Budi Santoso', nip: '199104152015031004', password: 'loket-rahasia-7' };

test('a disabled officer is sent to the login with the reason', async ({ page, station, context }) => {
  test.setTimeout(180_000); // scrypt at N=2^17: several password checks on a shared machine
  await page.setViewportSize({ width: 1366, height: 768 });
  await createFirstAdmin(page, station.url);
  await addOfficer(page, OFFICER, ['counter']);

  const officerPage = await context.newPage();
  await officerPage.setViewportSize({ width: 1366, height: 768 });
  await officerPage.goto(station.url);
  await login(officerPage, OFFICER);

  await page.locator(`[data-testid="officer-row"][data-nip="${OFFICER.nip}"]`).getByTestId('officer-disable').click();
  await page.getByTestId('officer-disable-confirm').getByTestId('officer-disable-yes').click();

  await expect(officerPage.getByTestId('login-form')).toBeVisible();
  const why = officerPage.getByTestId('session-ended');
  await expect(why.locator('[data-reason]')).toHaveAttribute('data-reason', 'disabled');
  await expect(why).toContainText('dinonaktifkan oleh administrator');
  await expect(officerPage.getByTestId('status-bar')).toHaveCount(0);
  // The administrator's own window carries on.
  await expect(page.getByTestId('status-officer')).toBeVisible();
});
