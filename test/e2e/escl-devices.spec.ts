// The technician's Perangkat screen at 1366 × 768 with an https eSCL scanner (the simulator
// with a certificate of its own, started by this test): saved without a confirmed
// certificate it is refused with a sentence; the technician reads the certificate, sees
// the same SHA-256 fingerprint the scanner has, trusts it, and the scanner is ready. The
// network search for scanners answers with a list or a sentence, never silently.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { becomeTechnician, createFirstAdmin } from './helpers';
import { startEsclSim, type EsclSim } from '../../native/sim/escl-sim';
import { generateSimCertificate } from '../../native/sim/escl-sim-tls';

test.use({ viewport: { width: 1366, height: 768 } });

let sim: EsclSim | undefined;
test.afterEach(async () => { await sim?.close(); sim = undefined; });

const row = (page: Page, id: string) => page.locator(`[data-testid="device-row"][data-id="${id}"]`);

test('an https scanner is trusted by its confirmed certificate; the network search answers', async ({ page, station }) => {
  test.setTimeout(120_000);
  const cert = await generateSimCertificate();
  sim = await startEsclSim({ tls: cert, profile: 'office' });
  await createFirstAdmin(page, station.url);
  await becomeTechnician(page);
  await page.keyboard.press('F6');
  await expect(page.getByTestId('screen-devices')).toBeVisible();

  // Saved without confirming the certificate: refused, with what to do.
  await page.getByTestId('device-add').click();
  const form = page.getByTestId('device-form');
  await form.getByTestId('device-id').fill('scanner-l2');
  await form.getByTestId('device-label').fill('Pemindai lantai 2');
  await form.getByTestId('device-kind').selectOption('document_scanner');
  await form.getByTestId('device-driver').selectOption('escl');
  await form.getByTestId('device-url').fill(sim.url);
  await expect(form.getByTestId('escl-cert-unpinned')).toContainText('belum dikonfirmasi');
  await form.getByTestId('device-submit').click();
  await expect(form).toBeHidden();
  await expect(row(page, 'scanner-l2')).toHaveAttribute('data-state', 'disconnected', { timeout: 15_000 });
  await expect(row(page, 'scanner-l2').getByTestId('device-sentence')).toContainText('Sertifikat pemindai di');

  // Read the certificate, compare it with the scanner's own, trust it.
  await row(page, 'scanner-l2').getByTestId('device-edit').click();
  await form.getByTestId('escl-cert-check').click();
  await expect(form.getByTestId('escl-cert-sha256')).toHaveText(cert.sha256);
  const trust = form.getByTestId('escl-cert-trust');
  await trust.scrollIntoViewIfNeeded();
  const box = await trust.boundingBox();
  expect(box && box.x + box.width).toBeLessThanOrEqual(1366);
  await trust.click();
  await expect(form.getByTestId('escl-cert-pinned')).toContainText(cert.sha256);
  await form.getByTestId('device-submit').click();
  await expect(form).toBeHidden();
  await expect(row(page, 'scanner-l2')).toHaveAttribute('data-state', 'connected', { timeout: 15_000 });
  expect(sim.requests.some((q) => /^GET \/eSCL\/ScannerStatus → 200$/.test(q))).toBe(true);

  // The network search (this machine's loopback has no multicast): a list or a sentence.
  await page.getByTestId('escl-discover').click();
  await expect(page.getByTestId('escl-discovery-none').or(page.getByTestId('escl-discovery-error')).or(page.getByTestId('escl-discovery-table'))).toBeVisible({ timeout: 15_000 });
});
