// The browser host's address works once: the page trades its one-time code for a credential
// kept in this tab's sessionStorage (no cookie), takes the code out of the address bar, and a
// reload keeps working. The same address in another tab is refused with a page that says how
// to get a new one.
import { test, expect } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });

test('an address opens one tab, without a cookie; a reload and the same address keep it', async ({ page, station }) => {
  const address = station.url;
  await page.goto(address);
  await expect(page.getByTestId('first-run-form')).toBeVisible();
  // The code is gone from the address bar (and so from history); no cookie holds anything.
  expect(new URL(page.url()).searchParams.has('code')).toBe(false);
  expect(await page.context().cookies()).toEqual([]);
  expect(await page.evaluate(() => sessionStorage.getItem('loket.credential'))).toMatch(/^[A-Za-z0-9_-]{43}$/);

  await page.reload();
  await expect(page.getByTestId('first-run-form')).toBeVisible();

  // The same address in the same tab again: the tab keeps its session.
  await page.goto(address);
  await expect(page.getByTestId('first-run-form')).toBeVisible();
});

test('a used address says how to get another; a fresh one works', async ({ page, station, browser }) => {
  const address = station.url;
  await page.goto(address);
  await expect(page.getByTestId('first-run-form')).toBeVisible();

  // Someone who copied the address gets nothing but the way to a new one.
  const other = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'id-ID' });
  const copied = await other.newPage();
  await copied.goto(address);
  const refused = copied.getByTestId('address-refused');
  await expect(refused).toBeVisible();
  await expect(refused).toHaveAttribute('data-reason', 'code_refused');
  await expect(refused).toContainText('Alamat ini sudah pernah digunakan');
  await expect(refused).toContainText('npm run station:address');
  expect(new URL(copied.url()).searchParams.has('code')).toBe(false);
  // Fits the counter's screen.
  expect(await copied.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await copied.getByTestId('language-toggle').click();
  await expect(refused).toContainText('This address was already used');

  // Without any code: the same page, its own reason.
  await copied.goto(new URL('/', address).href);
  await expect(copied.getByTestId('address-refused')).toHaveAttribute('data-reason', 'no_address');

  // A fresh address from the running station works in that tab.
  await copied.goto(station.url);
  await expect(copied.getByTestId('first-run-form')).toBeVisible();
  await other.close();
});

test('a tab whose station was restarted is told to get a new address', async ({ page, station }) => {
  await page.goto(station.url);
  await expect(page.getByTestId('first-run-form')).toBeVisible();
  // A credential the station never issued stands for one from the previous run.
  await page.evaluate(() => sessionStorage.setItem('loket.credential', 'A'.repeat(43)));
  await page.reload();
  await expect(page.getByTestId('address-refused')).toHaveAttribute('data-reason', 'credential_refused');
});
