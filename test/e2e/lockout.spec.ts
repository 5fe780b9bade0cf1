import { test, expect } from './fixtures';
import { ADMIN, createFirstAdmin, logout } from './helpers';

test('five wrong passwords lock the account, and even the right one is refused then', async ({ page, station }) => {
  await createFirstAdmin(page, station.url);
  await logout(page);
  const error = page.getByTestId('login-error');
  const code = error.locator('[data-code]');

  for (let i = 1; i <= 5; i++) {
    await page.getByTestId('login-nip').fill(ADMIN.nip);
    await page.getByTestId('login-password').fill(`salah-${i}-kata-sandi`);
    await page.getByTestId('login-password').press('Enter');
    await expect(code).toHaveAttribute('data-code', i < 5 ? 'bad_credentials' : 'account_locked');
    // A wrong password is retyped: the cursor waits in the password field, which is empty.
    if (i < 5) {
      await expect(page.getByTestId('login-password')).toBeFocused();
      await expect(page.getByTestId('login-password')).toHaveValue('');
    }
  }
  await expect(error).toContainText('dikunci sementara');
  await expect(error).toContainText('15 menit');

  await page.getByTestId('login-nip').fill(ADMIN.nip);
  await page.getByTestId('login-password').fill(ADMIN.password);
  await page.getByTestId('login-password').press('Enter');
  await expect(code).toHaveAttribute('data-code', 'account_locked');
  await expect(page.getByTestId('status-bar')).toHaveCount(0);
});
