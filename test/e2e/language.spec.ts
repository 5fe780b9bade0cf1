import { test, expect } from './fixtures';
import { ADMIN, createFirstAdmin, login, logout } from './helpers';

test('the language switches before login and per officer after', async ({ page, station }) => {
  await createFirstAdmin(page, station.url);
  await expect(page.getByTestId('tab-queue')).toContainText('Antrean');
  await expect(page.getByTestId('station-link')).toContainText('Stasiun terhubung');

  // The officer's choice is kept by the station with their account.
  await page.getByTestId('language-toggle').click();
  await expect(page.getByTestId('tab-queue')).toContainText('Queue');
  await expect(page.getByTestId('station-link')).toContainText('Station connected');
  await expect(page.getByTestId('lock-button')).toContainText('Lock screen');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await logout(page);
  // Before login, the choice of this machine applies (Indonesian by default).
  await expect(page.getByTestId('login-form')).toContainText('Masuk ke Loket');
  await page.keyboard.press('Alt+B');
  await expect(page.getByTestId('login-form')).toContainText('Log in to Loket');
  await page.reload();
  await expect(page.getByTestId('login-form')).toContainText('Log in to Loket');
  await page.getByTestId('language-toggle').click();
  await expect(page.getByTestId('login-form')).toContainText('Masuk ke Loket');

  // Logging in brings back the officer's own language.
  await login(page, ADMIN);
  await expect(page.getByTestId('tab-queue')).toContainText('Queue');
  await page.keyboard.press('Alt+B');
  await expect(page.getByTestId('tab-queue')).toContainText('Antrean');
});
