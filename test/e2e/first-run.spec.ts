import { test, expect } from './fixtures';
import { ADMIN, createFirstAdmin, login, logout } from './helpers';

test('first run creates the administrator, who then logs in normally', async ({ page, station }) => {
  await page.goto(station.url);
  // Before any administrator exists the station opens on the first-run form, and checks it.
  await expect(page.getByTestId('first-run-form')).toBeVisible();
  await page.getByTestId('setup-name').fill(ADMIN.name);
  await page.getByTestId('setup-nip').fill('12');
  await page.getByTestId('setup-password').fill('short');
  await page.getByTestId('setup-confirm').fill('different');
  await page.getByTestId('setup-submit').click();
  await expect(page.getByTestId('setup-nip-error')).toBeVisible();
  await expect(page.getByTestId('setup-password-error')).toBeVisible();
  await expect(page.getByTestId('setup-confirm-error')).toBeVisible();
  await expect(page.getByTestId('setup-nip')).toBeFocused();

  await createFirstAdmin(page, station.url);
  await expect(page.getByTestId('status-roles')).toHaveText('Administrator');
  await expect(page.getByTestId('tab-officers')).toBeVisible();
  await expect(page.getByTestId('tab-settings')).toBeVisible();
  await expect(page.getByTestId('station-link')).toHaveAttribute('data-online', 'yes');

  // The first-run form is gone for good: the next visitor logs in.
  await logout(page);
  await page.reload();
  await expect(page.getByTestId('first-run-form')).toHaveCount(0);
  await login(page, ADMIN);
});
