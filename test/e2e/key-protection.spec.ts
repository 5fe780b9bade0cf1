// The administrator's settings say where the station key is kept. In the browser host it is
// the 0600 file; the Electron-only confirmation for a basic_text keychain is covered by
// test/integration/station/key-protection.test.ts (the runtime is absent here).
import { test, expect } from './fixtures';
import { createFirstAdmin } from './helpers';

test.use({ viewport: { width: 1366, height: 768 } });

test('settings show the administrator how the station key is kept', async ({ page, station }) => {
  await createFirstAdmin(page, station.url);
  await page.getByTestId('tab-settings').click();
  await expect(page.getByTestId('key-protection-state')).toContainText('station.key');
  await expect(page.getByTestId('key-protection-state')).toContainText('mode 0600');
  await expect(page.getByTestId('key-protection-seal')).toHaveCount(0);
  await expect(page.getByTestId('key-protection')).toBeInViewport();
});
