// The documents step against a scanner like many at counters (the demo's eSCL simulator as
// an office unit: 150/300 dpi on the glass, 300 on the feeder, no 200), at 1366 × 768:
// the resolution is chosen from the scanner's capabilities so the scan succeeds; the
// scanner's slot in the status bar turns busy as soon as a job runs; Esc cancels the scan
// and nothing is stored.
import { test, expect } from './fixtures';
import { checkInAndOpen, goToStep, openDemoQueue } from './enrolment-helpers';
import { captureStationSocket, rawCall } from './helpers';

test.use({ stationDemo: true, viewport: { width: 1366, height: 768 } });

test('scans at a resolution the scanner offers, shows it busy at once, and cancels a scan', async ({ page, station }) => {
  test.setTimeout(120_000);
  await captureStationSocket(page);
  await openDemoQueue(page, station.url);

  // Check the first applicant in and open the enrolment at the documents step.
  const code = (await page.getByTestId('queue-row').first().getAttribute('data-booking-code')) ?? '';
  await checkInAndOpen(page, code);
  await expect(page.getByTestId('enrolment-applicant')).toContainText(code);
  await goToStep(page, 'documents');
  await expect(page.getByTestId('doc-scan')).toBeFocused();

  // Automatic resolution: a KTP needs 300 dpi, which this scanner has.
  await page.getByTestId('doc-type').selectOption('ktp');
  await expect(page.getByTestId('doc-resolution').locator('option:checked')).toHaveText('Otomatis (300 dpi untuk dokumen ini)');
  // A family card needs 200, which it does not have: the scan still succeeds, at 300.
  await page.getByTestId('doc-type').selectOption('kk');
  await expect(page.getByTestId('doc-resolution').locator('option:checked')).toHaveText('Otomatis (200 dpi untuk dokumen ini)');
  await page.getByTestId('doc-scan').click();
  await expect(page.getByTestId('doc-thumb')).toHaveCount(1, { timeout: 30_000 });
  await expect(page.getByTestId('doc-thumb')).toContainText('300 dpi');
  await expect(page.getByTestId('doc-error')).toHaveCount(0);
  const scanner = page.getByTestId('status-bar').getByTestId('device-scanner-sim');
  await expect(scanner).toHaveAttribute('data-state', 'connected');

  // A slow scanner (15 s a page): the slot turns busy at once, not at the 10-second poll.
  expect(await rawCall(page, 'devices.simulate', { id: 'scanner-sim', action: 'fault', variant: 'slow' })).toEqual({ ok: true, value: null });
  await page.getByTestId('doc-type').selectOption('birth_certificate');
  await page.getByTestId('doc-scan').click();
  await expect(scanner).toHaveAttribute('data-state', 'busy', { timeout: 3_000 });
  await expect(page.getByTestId('doc-busy')).toBeVisible();
  const cancel = page.getByTestId('doc-cancel');
  await expect(cancel).toBeVisible();
  const box = await cancel.boundingBox();
  expect(box && box.y + box.height).toBeLessThanOrEqual(768);

  // Esc cancels the scan (and does not leave the enrolment): nothing stored, said plainly.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('doc-error')).toContainText('Pemindaian dibatalkan. Tidak ada halaman yang disimpan.');
  await expect(page.getByTestId('doc-error')).toHaveClass(/alert-info/);
  await expect(page.getByTestId('doc-busy')).toHaveCount(0);
  await expect(page.getByTestId('enrolment-applicant')).toBeVisible();
  await expect(page.getByTestId('doc-thumb')).toHaveCount(1);
  await expect(page.getByTestId('doc-group-birth_certificate')).toHaveCount(0);
  await expect(scanner).toHaveAttribute('data-state', 'connected', { timeout: 5_000 });
  await expect(page.getByTestId('doc-scan')).toBeFocused();
});
