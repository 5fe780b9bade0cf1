import { test, expect } from './fixtures';
import { ADMIN, addOfficer, createFirstAdmin, login, logout, type Officer } from './helpers';

const BUDI: Officer = { name: 'Budi Hartono', nip: '199001152015031002', password: 'loket-budi-2024' };

test('an administrator adds an officer with two roles, who logs in with exactly those screens', async ({ page, station }) => {
  await createFirstAdmin(page, station.url);
  await addOfficer(page, BUDI, ['counter', 'supervisor']);
  const row = page.locator(`[data-testid="officer-row"][data-nip="${BUDI.nip}"]`);
  await expect(row).toContainText('Petugas loket, Penyelia');

  // The same NIP twice is refused, next to the NIP field.
  await page.getByTestId('officer-add').click();
  const dialog = page.getByTestId('officer-create');
  await dialog.getByTestId('officer-name').fill('Orang Lain');
  await dialog.getByTestId('officer-nip').fill(BUDI.nip);
  await dialog.getByTestId('officer-password').fill('rahasia-lain-1');
  await dialog.getByTestId('officer-confirm').fill('rahasia-lain-1');
  await dialog.getByTestId('officer-submit').click();
  await expect(dialog.getByTestId('officer-nip-error')).toContainText('NIP ini sudah dipakai');
  await expect(dialog.getByTestId('officer-nip')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await logout(page);
  await login(page, BUDI);
  await expect(page.getByTestId('status-roles')).toHaveText('Petugas loket, Penyelia');
  await expect(page.getByTestId('tab-queue')).toBeVisible();
  await expect(page.getByTestId('tab-walkin')).toBeVisible();
  await expect(page.getByTestId('tab-import')).toBeVisible();
  await expect(page.getByTestId('tab-officers')).toHaveCount(0);
  await expect(page.getByTestId('tab-settings')).toHaveCount(0);
  // F2 opens the walk-in screen for a counter officer.
  await page.keyboard.press('F2');
  await expect(page.getByTestId('walkin-form')).toBeVisible();
  await expect(page.getByTestId('walkin-nik')).toBeFocused();

  // Disabled by the administrator, the officer can no longer log in, and is told why.
  await logout(page);
  await login(page, ADMIN);
  await page.getByTestId('tab-officers').click();
  await row.getByTestId('officer-disable').click();
  await expect(page.getByTestId('officer-disable-confirm')).toContainText(BUDI.name);
  await page.getByTestId('officer-disable-yes').click();
  await expect(row).toContainText('Nonaktif');
  await logout(page);
  await page.getByTestId('login-nip').fill(BUDI.nip);
  await page.getByTestId('login-password').fill(BUDI.password);
  await page.getByTestId('login-password').press('Enter');
  await expect(page.getByTestId('login-error').locator('[data-code]')).toHaveAttribute('data-code', 'account_disabled');
});

test('an administrator changes an officer\'s roles and resets their password', async ({ page, station }) => {
  await createFirstAdmin(page, station.url);
  await addOfficer(page, BUDI, ['counter']);
  const row = page.locator(`[data-testid="officer-row"][data-nip="${BUDI.nip}"]`);

  await row.getByTestId('officer-edit-roles').click();
  const roles = page.getByTestId('officer-roles');
  await roles.getByTestId('edit-role-counter').uncheck();
  // No role at all is refused on the spot.
  await roles.getByTestId('roles-save').click();
  await expect(roles).toContainText('Pilih setidaknya satu peran');
  await roles.getByTestId('edit-role-print').check();
  await roles.getByTestId('roles-save').click();
  await expect(roles).toBeHidden();
  await expect(row).toContainText('Operator cetak');

  await row.getByTestId('officer-reset-password').click();
  const reset = page.getByTestId('officer-password');
  await reset.getByTestId('reset-password').fill('kata-sandi-baru-9');
  await reset.getByTestId('reset-confirm').fill('kata-sandi-baru-9');
  await reset.getByTestId('reset-confirm').press('Enter');
  await expect(reset).toBeHidden();
  await expect(page.getByTestId('notice')).toContainText(`Kata sandi ${BUDI.name} telah diganti`);

  await logout(page);
  await login(page, { ...BUDI, password: 'kata-sandi-baru-9' });
  await expect(page.getByTestId('status-roles')).toHaveText('Operator cetak');
  await expect(page.getByTestId('tab-walkin')).toHaveCount(0);
  // A print operator sees the queue but has no status actions there.
  await expect(page.getByTestId('screen-queue')).toBeVisible();
  await expect(page.getByTestId('row-action')).toHaveCount(0);
});
