// The technician calibrates the demo station's passport printer (the IPP simulator) at the
// counter's 1366 × 768: pdf.js renders the calibration page inside our CSP (any violation
// fails the test through the console check), reads its size as 125 × 88 mm, shows it 1:1 at
// 125 mm of CSS size, follows the offsets being typed, saves them, prints the page, and a
// jam reaches the screen as a sentence.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { becomeTechnician, createFirstAdmin } from './helpers';

test.use({ stationDemo: true, viewport: { width: 1366, height: 768 } });

const CSS_PX_PER_MM = 96 / 25.4;

/** Dark pixels in the preview canvas and a digest of them, read in the page. */
async function canvasInk(page: Page): Promise<{ dark: number; digest: number }> {
  return page.getByTestId('pdf-canvas').evaluate((c: HTMLCanvasElement) => {
    // Read a copy: repeated reads of the preview's own canvas make Chromium warn.
    const copy = document.createElement('canvas');
    copy.width = c.width;
    copy.height = c.height;
    const ctx = copy.getContext('2d', { willReadFrequently: true })!;
    ctx.drawImage(c, 0, 0);
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    let dark = 0;
    let digest = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i]! < 100 && data[i + 1]! < 100 && data[i + 2]! < 100) { dark++; digest = (digest * 31 + i) % 1_000_003; }
    }
    return { dark, digest };
  });
}

async function insideViewport(page: Page, testId: string): Promise<void> {
  const box = await page.getByTestId(testId).boundingBox();
  expect(box, testId).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(1366);
  expect(box!.y + box!.height).toBeLessThanOrEqual(768);
}

test('a technician previews, adjusts, saves and prints the passport printer calibration', async ({ page, station }) => {
  await createFirstAdmin(page, station.url);
  await becomeTechnician(page);
  await page.keyboard.press('F6');
  const row = page.locator('[data-testid="device-row"][data-id="printer-sim"]');
  await expect(row).toHaveAttribute('data-state', 'connected');
  await row.getByTestId('device-calibrate').click();

  const panel = page.getByTestId('printer-calibration');
  const preview = panel.getByTestId('printer-preview');
  await expect(preview).toHaveAttribute('data-state', 'ready');
  // pdf.js, an independent reader, finds a 125 × 88 mm page (354.33 × 249.45 pt).
  await expect(preview).toHaveAttribute('data-page-width-pt', '354.33');
  await expect(preview).toHaveAttribute('data-page-height-pt', '249.45');
  const first = await canvasInk(page);
  expect(first.dark).toBeGreaterThan(2000);
  await expect(panel.getByTestId('offset-x')).toBeFocused();
  for (const id of ['offset-x', 'offset-y', 'printer-print', 'pdf-scale-actual']) await insideViewport(page, id);
  // Fitted means the whole page shows, the MRZ band included.
  const canvasBox = (await panel.getByTestId('pdf-canvas').boundingBox())!;
  const frame = (await panel.locator('.pdf-preview-box').boundingBox())!;
  expect(canvasBox.y + canvasBox.height).toBeLessThanOrEqual(frame.y + frame.height + 1);
  expect(canvasBox.x + canvasBox.width).toBeLessThanOrEqual(frame.x + frame.width + 1);

  // 1:1: the page is 125 mm of CSS size wide.
  await panel.getByTestId('pdf-scale-actual').click();
  await expect(preview).toHaveAttribute('data-scale', 'actual');
  await expect.poll(async () => (await panel.getByTestId('pdf-canvas').boundingBox())?.width).toBeCloseTo(125 * CSS_PX_PER_MM, 0);
  await panel.getByTestId('pdf-scale-fit').click();

  // Offsets tried: the preview follows them; out of range is refused beside the field.
  await panel.getByTestId('offset-x').fill('9');
  await expect(panel.getByText('Isi angka antara −5 dan 5 mm')).toBeVisible();
  await expect(panel.getByTestId('offsets-save')).toBeDisabled();
  await panel.getByTestId('offset-x').fill('1,5');
  await panel.getByTestId('offset-y-less').click();
  await expect(panel.getByTestId('offset-y')).toHaveValue('-0.1');
  await expect.poll(async () => (await canvasInk(page)).digest, { timeout: 10_000 }).not.toBe(first.digest);

  await panel.getByTestId('offsets-save').click();
  await expect(panel.getByTestId('offsets-saved')).toBeVisible();
  await panel.getByTestId('printer-calibration-close').click();
  await row.getByTestId('device-calibrate').click();
  await expect(panel.getByTestId('offset-x')).toHaveValue('1.5');
  await expect(panel.getByTestId('offset-y')).toHaveValue('-0.1');

  // Print it: the simulator takes the job and the panel says it is printed.
  await panel.getByTestId('printer-print').click();
  await expect(panel.getByTestId('printer-outcome')).toContainText('Halaman data selesai dicetak.', { timeout: 20_000 });
  await expect(panel.getByTestId('printer-outcome')).toHaveAttribute('role', 'status');

  // A jam while printing: the printer's row says what to do; once cleared, the job ended
  // without printing and the panel says to check the book.
  await panel.getByTestId('printer-sim-media-jam').click();
  await panel.getByTestId('printer-print').click();
  await expect(row.getByTestId('device-sentence')).toContainText('buku tersangkut', { timeout: 10_000 });
  await panel.getByTestId('printer-sim-clear').click();
  await expect(panel.getByTestId('printer-outcome')).toContainText('Periksa apakah buku rusak', { timeout: 10_000 });
});
