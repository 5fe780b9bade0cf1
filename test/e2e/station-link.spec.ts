import { test, expect } from './fixtures';
import { createFirstAdmin } from './helpers';

test('the status bar says so when the station stops answering', async ({ page, station }) => {
  await createFirstAdmin(page, station.url);
  const link = page.getByTestId('station-link');
  await expect(link).toHaveAttribute('data-online', 'yes');
  await expect(link).toContainText('Stasiun terhubung');

  await station.stop();
  // Nobody needs to click anything: the quiet link is noticed on its own.
  await expect(link).toHaveAttribute('data-online', 'no', { timeout: 15_000 });
  await expect(link).toContainText('Stasiun tidak terhubung');
  // Calls made meanwhile say what happened and what to do, not a stack trace.
  await page.getByTestId('queue-refresh').click();
  await expect(page.getByTestId('queue-error')).toContainText('Stasiun tidak terhubung');
});
