// The receipt printer on the technician's Perangkat screen (F6), at the counter PC's
// 1366 × 768: the demo's simulated receipt printer is connected, its test prints a test page
// (every check passes), a cover opened in the training box turns the test into the
// printer's own sentence, and the device form offers the paper width for an escpos printer.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { becomeTechnician, createFirstAdmin } from './helpers';

test.use({ stationDemo: true, viewport: { width: 1366, height: 768 } });

const row = (page: Page, id: string) => page.locator(`[data-testid="device-row"][data-id="${id}"]`);

test('the technician tests the receipt printer and sets its paper width', async ({ page, station }) => {
  await createFirstAdmin(page, station.url);
  await becomeTechnician(page);
  await page.keyboard.press('F6');

  const receipt = row(page, 'receipt-sim');
  await expect(receipt).toHaveAttribute('data-state', 'connected');
  await receipt.getByTestId('device-test').click();
  const dialog = page.getByTestId('device-test-dialog');
  await expect(dialog.getByTestId('test-result')).toHaveAttribute('data-ok', 'true');
  await expect(dialog.locator('[data-testid="test-check"][data-name="test_page"]')).toHaveAttribute('data-ok', 'true');
  await expect(dialog.getByTestId('test-summary')).toContainText('Struk tercetak.');
  const box = await dialog.boundingBox();
  expect(box && box.y + box.height <= 768 && box.x + box.width <= 1366).toBe(true);
  await dialog.getByTestId('test-close').click();

  // The receipt printer has a trace (its DLE EOT questions and the answers), and no calibration.
  await expect(receipt.getByTestId('device-trace')).toBeVisible();
  await expect(receipt.getByTestId('device-calibrate')).toHaveCount(0);

  // The form: an escpos printer is asked for its paper width (80 mm unless told).
  await receipt.getByTestId('device-edit').click();
  const form = page.getByTestId('device-form');
  await expect(form.getByTestId('device-paper')).toHaveValue('80');
  await form.getByTestId('device-paper').selectOption('58');
  await expect(form.getByTestId('device-submit')).toBeInViewport();
});
