// A GT-521Fxx fingerprint reader at a 1366 × 768 counter PC: the technician adds one with
// the device form (its own speed hint, the in-process simulator), it connects and passes
// its test; an officer captures a finger with it (a 258 × 202 image), and leaving the
// enrolment lets the station drop the capture it held.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { ADMIN, captureStationSocket, createFirstAdmin, login, logout, rawCall } from './helpers';
import { checkInAndOpen, goToStep } from './enrolment-helpers';

test.use({ stationDemo: true, viewport: { width: 1366, height: 768 } });

async function inViewport(page: Page, testId: string): Promise<void> {
  const box = await page.getByTestId(testId).boundingBox();
  expect(box, testId).not.toBeNull();
  expect(box!.x + box!.width).toBeLessThanOrEqual(1366);
  expect(box!.y + box!.height).toBeLessThanOrEqual(768);
}

test('a technician adds a GT-521; a capture with it, and leaving the enrolment lets it go', async ({ page, station }) => {
  test.setTimeout(120_000);
  await captureStationSocket(page);
  await createFirstAdmin(page, station.url);
  const me = (await rawCall(page, 'auth.session', {})) as { ok: true; value: { officerId: string } };
  expect((await rawCall(page, 'officers.update', { id: me.value.officerId, roles: ['admin', 'technician', 'counter'] })).ok).toBe(true);
  await logout(page);
  await login(page, ADMIN);

  // The device form: a GT-521 on a serial path shows its own speed hint…
  await page.keyboard.press('F6');
  await expect(page.getByTestId('screen-devices')).toBeVisible();
  await page.getByTestId('device-add').click();
  const form = page.getByTestId('device-form');
  await form.getByTestId('device-id').fill('fp-gt');
  await form.getByTestId('device-label').fill('GT-521 meja 1');
  await form.getByTestId('device-kind').selectOption('fingerprint');
  await form.getByTestId('device-driver').selectOption('gt521');
  await form.getByTestId('device-port-path').check();
  await expect(form.getByTestId('device-baud')).toHaveValue('9600');
  await expect(form).toContainText('115200');
  // …and here it is the in-process simulator.
  await form.getByTestId('device-port-sim').check();
  await expect(form.getByTestId('device-sim-name')).toContainText('gt521');
  await inViewport(page, 'device-submit');
  await form.getByTestId('device-submit').click();
  await expect(form).toBeHidden();
  const row = page.locator('[data-testid="device-row"][data-id="fp-gt"]');
  await expect(row).toHaveAttribute('data-state', 'connected');
  await expect(row.getByTestId('device-identity')).toContainText('GT-521F52');
  await expect(row.getByTestId('device-identity')).toContainText('115200');
  await row.getByTestId('device-test').click();
  const testDialog = page.getByTestId('device-test-dialog');
  await expect(testDialog.getByTestId('test-result')).toHaveAttribute('data-ok', 'true');
  await testDialog.getByTestId('test-close').click();

  // An applicant checked in and the enrolment opened at the fingerprint step.
  await page.getByTestId('tab-queue').click();
  const first = page.getByTestId('queue-row').first();
  const code = (await first.getAttribute('data-booking-code')) ?? '';
  const appointmentId = (await first.getAttribute('data-id')) ?? '';
  await checkInAndOpen(page, code);
  await expect(page.getByTestId('enrolment')).toBeVisible();
  await goToStep(page, 'fingerprints');
  // Opening the step starts the first finger by itself (the capture flows).
  await expect(page.getByTestId('capture')).toHaveAttribute('data-current', /^(right|left)_\w+$/);
  await inViewport(page, 'capture-retry');
  // The demo's simulated GT-521 gets a finger by itself after a few polls.
  // The image is read from the capture's view rather than the screen: on a quiet machine the
  // four fingers can be done, and the enrolment moved on to the signature, before the screen
  // is looked at. A PNG's IHDR holds its width and height at bytes 16–23.
  const id0 = appointmentId || ((await page.getByTestId('enrolment').getAttribute('data-appointment-id')) ?? '');
  let size: number[] = [];
  await expect.poll(async () => {
    const v = ((await rawCall(page, 'capture.get', { appointmentId: id0 })) as { value: { image: { pngBase64: string } | null } | null }).value;
    if (!v?.image) return null;
    const png = Buffer.from(v.image.pngBase64, 'base64');
    size = [png.readUInt32BE(16), png.readUInt32BE(20)];
    return size;
  }, { timeout: 30_000 }).not.toBeNull();
  expect(size).toEqual([258, 202]);
  await expect.poll(async () => ((await rawCall(page, 'capture.get', { appointmentId: id0 })) as { value: { state: string } | null }).value?.state, { timeout: 30_000 })
    .toMatch(/review|done|error/);
  const id = appointmentId || ((await page.getByTestId('enrolment').getAttribute('data-appointment-id')) ?? '');
  expect(((await rawCall(page, 'capture.get', { appointmentId: id })) as { value: unknown }).value).not.toBeNull();

  // Leaving the enrolment: the station lets go of the capture (what was saved stays).
  await page.getByTestId('enrolment-back').click();
  await expect(page.getByTestId('screen-queue')).toBeVisible();
  await expect.poll(async () => ((await rawCall(page, 'capture.get', { appointmentId: id })) as { value: unknown }).value).toBeNull();
});
