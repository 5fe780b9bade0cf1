// At the 1366 × 768 counter, on a demo station (simulated eSCL scanner): a lost passport's
// interview record (BAP) typed, saved as typed, its fine from the rules file, made as a PDF,
// previewed with pdf.js, printed through the browser and saved — the saved file read back by
// poppler's pdftotext — and the signed copy scanned back; a new passport whose documents
// step picks the type to scan from the service's checklist; a signature cut from a scanned
// form with a box moved by keyboard and mouse.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { goToStep, openDemoQueue } from './enrolment-helpers';
import { captureStationSocket, rawCall } from './helpers';
import { POPPLER_MISSING, hasPoppler, text } from '../helpers/poppler';

test.use({ stationDemo: true, viewport: { width: 1366, height: 768 } });

/** A walk-in (checked in at once) with this service, found by its code and opened with Enter. */
async function openWalkIn(page: Page, service: string, nik: string, fullName: string): Promise<string> {
  const r = await rawCall(page, 'queue.addWalkIn', { nik, fullName, birthPlace: 'Bandung', birthDate: '1985-03-12', sex: 'M', service, passportType: 'ordinary', priority: [] });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const code = (r.value as { bookingCode: string }).bookingCode;
  await page.getByTestId('queue-search').fill(code);
  await expect(page.getByTestId('queue-table')).toHaveAttribute('data-rows', '1');
  await expect(page.getByTestId('queue-row').first()).toHaveAttribute('data-status', 'checked_in');
  await page.getByTestId('queue-search').press('Enter');
  await expect(page.getByTestId('enrolment-applicant')).toContainText(fullName);
  return code;
}

/**
 * The step's own content fits a 1366 × 768 counter: no horizontal scroll, every control
 * inside the width, and the step no taller than what is left below a one-line applicant
 * header and one row of step tabs (the enrolment frame itself is fitted by the enrolment
 * layout work; here the step must not be what overflows).
 */
async function stepFits(page: Page, stepId: string, ids: string[]): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no horizontal scroll').toBeLessThanOrEqual(1366);
  const step = (await page.getByTestId(stepId).boundingBox())!;
  expect(step.height, `${stepId} height`).toBeLessThanOrEqual(470);
  for (const id of ids) {
    const b = (await page.getByTestId(id).first().boundingBox())!;
    expect(b, id).not.toBeNull();
    expect(b.x, id).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width, id).toBeLessThanOrEqual(1366);
    expect(b.y + b.height, `${id} inside its step`).toBeLessThanOrEqual(step.y + step.height + 1);
  }
}

test('a lost passport: the BAP typed and kept, its fine, its PDF previewed, printed, read back, and the signed copy scanned', async ({ page, station }, testInfo) => {
  // Skip reason: the PDF is read back with poppler's pdftotext (an independent reader); without
  // it the test says so in its output, and scripts/test.mjs fails on a skip not declared in
  // test/expected-skips.json — poppler-utils is in TEST_PACKAGES and .ci/run, so CI never skips.
  test.skip(!hasPoppler, POPPLER_MISSING);
  test.setTimeout(150_000);
  await captureStationSocket(page);
  await openDemoQueue(page, station.url);
  const code = await openWalkIn(page, 'replace_lost', '3273011203850007', 'Agus Santoso');

  // The service step sits between the MRZ and the documents, and is still to do.
  await expect(page.getByTestId('step-service')).toHaveAttribute('data-state', 'todo');
  await goToStep(page, 'service');
  await expect(page.getByTestId('bap-police-number')).toBeFocused();
  await expect(page.getByTestId('bap-fine')).toHaveText('Denda administratif: Rp 1.000.000');
  await expect(page.getByTestId('old-passport')).toHaveCount(0);

  await page.keyboard.type('LP/B/552/XI/2026/SPKT');
  await page.getByTestId('bap-police-date').fill('2026-11-20');
  const narrative = 'Dompet dan paspor hilang saat saya naik ojek dari Stasiun Bandung ke rumah.';
  await page.getByTestId('bap-narrative').fill(narrative);
  await page.getByTestId('bap-finding').fill('Keterangan pemohon sesuai dengan laporan polisi.');
  await expect(page.getByTestId('service-saved')).toHaveAttribute('data-state', 'saved');

  // Force majeure lifts the fine; unticked, it is back.
  await page.getByTestId('bap-force-majeure').check();
  await expect(page.getByTestId('bap-fine')).toHaveText('Tanpa denda administratif');
  await page.getByTestId('bap-force-majeure').uncheck();
  await expect(page.getByTestId('bap-fine')).toHaveAttribute('data-amount', '1000000');

  // What was typed is the station's: away to another step and back, it is all there.
  await goToStep(page, 'documents');
  await goToStep(page, 'service');
  await expect(page.getByTestId('bap-narrative')).toHaveValue(narrative);
  await expect(page.getByTestId('bap-police-number')).toHaveValue('LP/B/552/XI/2026/SPKT');

  // The BAP as a PDF, drawn by pdf.js beside the form.
  await page.keyboard.press('Alt+M');
  await expect(page.getByTestId('bap-preview')).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
  await stepFits(page, 'service-step', ['bap-narrative', 'bap-finding', 'bap-fine', 'bap-preview', 'bap-scan-signed']);
  await page.screenshot({ path: testInfo.outputPath('bap-1366x768.png') });

  // Printed through the browser's print: the pages are drawn for it first.
  await page.evaluate(() => {
    const w = window as unknown as { __printed: number[] };
    w.__printed = [];
    window.print = () => { w.__printed.push(document.querySelectorAll('.print-pdf-root canvas').length); };
  });
  await page.getByTestId('bap-print').click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __printed: number[] }).__printed)).toEqual([1]);
  await expect(page.getByTestId('print-pdf-root')).toHaveCount(0);

  // Saved as a file, and read back by an independent PDF reader.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('bap-save-pdf').click()]);
  expect(download.suggestedFilename()).toBe(`BAP-${code}.pdf`);
  const file = testInfo.outputPath('bap.pdf');
  await download.saveAs(file);
  const words = text(new Uint8Array(readFileSync(file))).replace(/\s+/g, ' ');
  for (const expected of ['BERITA ACARA PEMERIKSAAN', 'Penggantian paspor karena hilang', 'Agus Santoso', '3273011203850007', 'LP/B/552/XI/2026/SPKT',
    '20 November 2026', narrative, 'Keterangan pemohon sesuai dengan laporan polisi.', 'Rp 1.000.000', 'Wati Kusuma', 'Pemohon,']) {
    expect(words, expected).toContain(expected);
  }

  // Signed, scanned back as a document of the application: the step is done.
  await page.getByTestId('bap-scan-signed').click();
  await expect(page.getByTestId('bap-signed')).toHaveAttribute('data-pages', '1', { timeout: 30_000 });
  await expect(page.getByTestId('step-service')).toHaveAttribute('data-state', 'done');
  await goToStep(page, 'documents');
  await expect(page.getByTestId('doc-group-bap_signed')).toBeVisible();
  // The checklist for a lost passport: KTP, then the police report.
  await expect(page.getByTestId('doc-checklist-line')).toHaveCount(2);
  await expect(page.getByTestId('doc-type')).toHaveValue('ktp');
});

test('a new passport: the checklist picks each type in turn; a signature is cut from the scanned form', async ({ page, station }, testInfo) => {
  test.setTimeout(150_000);
  await captureStationSocket(page);
  await openDemoQueue(page, station.url);
  await openWalkIn(page, 'new', '3273011203850007', 'Agus Santoso');
  await expect(page.getByTestId('step-service')).toHaveCount(0);

  await goToStep(page, 'documents');
  await expect(page.getByTestId('doc-scan')).toBeFocused();
  const lines = page.getByTestId('doc-checklist-line');
  await expect(lines).toHaveCount(3);
  await expect(lines.nth(2)).toContainText('Akta kelahiran / Ijazah / Buku nikah');
  // KTP first, then KK, then the birth certificate: each scan by Enter alone.
  for (const [i, type] of (['ktp', 'kk'] as const).entries()) {
    await expect(page.getByTestId('doc-type')).toHaveValue(type);
    await page.getByTestId('doc-scan').press('Enter');
    await expect(page.getByTestId('doc-thumb')).toHaveCount(i + 1, { timeout: 30_000 });
    await expect(lines.nth(i)).toHaveAttribute('data-done', 'true');
  }
  await expect(page.getByTestId('doc-type')).toHaveValue('birth_certificate');
  // The applicant brought a diploma: it meets the "one of" line.
  await page.getByTestId('doc-type').selectOption('diploma');
  await page.getByTestId('doc-scan').press('Enter');
  // The checklist is complete: the enrolment moves on to the photo by itself; back to look.
  await expect(page.getByTestId('step-body-photo')).toBeVisible({ timeout: 30_000 });
  await goToStep(page, 'documents');
  await expect(page.getByTestId('doc-thumb')).toHaveCount(3);
  await expect(lines.nth(2)).toHaveAttribute('data-done', 'true');
  await expect(lines.nth(2)).toHaveText(/Ijazah/);
  await expect(page.getByTestId('step-documents')).toHaveAttribute('data-state', 'done');
  expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no horizontal scroll').toBeLessThanOrEqual(1366);
  await page.screenshot({ path: testInfo.outputPath('documents-checklist-1366x768.png') });

  // The signature: scan the signed form, place the box, save.
  await goToStep(page, 'signature');
  await expect(page.getByTestId('step-signature')).toHaveAttribute('data-state', 'todo');
  await expect(page.getByTestId('signature-pad')).toContainText('Pad tanda tangan tidak terpasang');
  // The pages already scanned can be used; the signed form is scanned and chosen by itself.
  await expect(page.getByTestId('signature-page-select').locator('option')).toHaveCount(3);
  await page.getByTestId('signature-scan-form').click();
  // The form's usual box is cut at once and the enrolment goes on to the summary, which shows
  // the cut; the officer comes back to place the box better.
  await expect(page.getByTestId('summary-signature-img')).toBeVisible({ timeout: 30_000 });
  await goToStep(page, 'signature');
  await expect(page.getByTestId('signature-kept-img')).toBeVisible();
  await expect(page.getByTestId('signature-page-select').locator('option')).toHaveCount(4, { timeout: 30_000 });
  await expect(page.getByTestId('signature-page-select').locator('option:checked')).toContainText('Formulir permohonan');
  const box = page.getByTestId('signature-box');
  await expect(box).toBeVisible({ timeout: 30_000 });
  // Moved up with the keys, widened with the mouse on its corner.
  const before = (await box.boundingBox())!;
  await box.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowUp');
  const moved = (await box.boundingBox())!;
  expect(moved.y).toBeLessThan(before.y - 5);
  const handle = (await page.getByTestId('signature-handle').boundingBox())!;
  await page.mouse.move(handle.x + 5, handle.y + 5);
  await page.mouse.down();
  await page.mouse.move(handle.x + 5 - 40, handle.y + 5 + 20, { steps: 4 });
  await page.mouse.up();
  const sized = (await box.boundingBox())!;
  expect(sized.width).toBeLessThan(moved.width - 20);
  expect(sized.height).toBeGreaterThan(moved.height + 10);
  await stepFits(page, 'signature-step', ['signature-box', 'signature-save', 'signature-scan-form']);

  await page.getByTestId('signature-save').click();
  await expect(page.getByTestId('signature-kept-img')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('step-signature')).toHaveAttribute('data-state', 'done');
  // The kept image takes the box's proportions, as placed. Polled: the image kept before
  // (from the form's first crop) stays on screen until the new one has arrived.
  const kept = page.getByTestId('signature-kept');
  const ratio = async () => Number(await kept.getAttribute('data-width')) / Number(await kept.getAttribute('data-height'));
  await expect.poll(ratio, { timeout: 30_000 }).toBeCloseTo(sized.width / sized.height, 0);
  await page.screenshot({ path: testInfo.outputPath('signature-1366x768.png') });
});
