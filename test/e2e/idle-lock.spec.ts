import { test, expect } from './fixtures';
import { ADMIN, addOfficer, createFirstAdmin, type Officer } from './helpers';

const RINA: Officer = { name: 'Rina Wulandari', nip: '199204202018012003', password: 'loket-rina-2024' };

test('an idle screen locks itself; the owner unlocks, or another officer takes over', async ({ page, station }) => {
  // Fake timers from the first script on, so a minute of idleness takes no minute.
  await page.clock.install();
  await createFirstAdmin(page, station.url);
  await addOfficer(page, RINA, ['counter']);

  await page.getByTestId('tab-settings').click();
  await page.getByTestId('settings-idleLockMinutes').fill('1');
  await page.getByTestId('settings-idleLockMinutes').press('Enter');
  await expect(page.getByTestId('notice')).toContainText('Pengaturan disimpan');

  // Under a minute of quiet: still open.
  await page.clock.fastForward('00:40');
  await expect(page.getByTestId('lock-screen')).toHaveCount(0);
  // Past the minute: locked, and the station agrees (the workspace is unreachable).
  await page.clock.fastForward('00:25');
  const lock = page.getByTestId('lock-screen');
  await expect(lock).toBeVisible();
  await expect(page.getByTestId('lock-owner')).toContainText(ADMIN.name);
  await expect(page.getByTestId('unlock-password')).toBeFocused();

  await page.getByTestId('unlock-password').fill('bukan-kata-sandinya');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('unlock-error')).toBeVisible();
  await page.getByTestId('unlock-password').fill(ADMIN.password);
  await page.keyboard.press('Enter');
  await expect(lock).toBeHidden();
  await expect(page.getByTestId('screen-settings')).toBeVisible();

  // Alt+L locks at once; a different officer unlocking ends the first officer's session.
  await page.keyboard.press('Alt+L');
  await expect(lock).toBeVisible();
  await page.getByTestId('unlock-nip').fill(RINA.nip);
  await page.getByTestId('unlock-password').fill(RINA.password);
  await page.keyboard.press('Enter');
  await expect(lock).toBeHidden();
  await expect(page.getByTestId('status-officer')).toContainText(RINA.name);
  await expect(page.getByTestId('notice')).toContainText(`Sesi ${ADMIN.name} telah ditutup`);
  await expect(page.getByTestId('tab-officers')).toHaveCount(0);
});
