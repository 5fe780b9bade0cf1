// The technician's device settings (F6): the demo station's simulated devices, a test of the
// fingerprint reader, its live trace (pause, save), adding a reader on a port that does not
// exist and removing it again; and a counter officer who gets none of it.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { addOfficer, becomeTechnician, captureStationSocket, createFirstAdmin, login, logout, rawCall, type Officer } from './helpers';

test.use({ stationDemo: true });

const DEMO_DEVICES = ['fingerprint-sim', 'mrz-sim', 'barcode-sim', 'scanner-sim', 'printer-sim', 'receipt-sim'];
const COUNTER: Officer = { name: 'Dewi Lestari', nip: '199204182019032004', password: 'loket-dewi-2024' };

const row = (page: Page, id: string) => page.locator(`[data-testid="device-row"][data-id="${id}"]`);

test('a technician tests, traces, adds and removes devices', async ({ page, station }) => {
  test.setTimeout(180_000); // a long walk through the screen, with two scrypt (N=2^17) logins on a shared machine
  await createFirstAdmin(page, station.url);
  await becomeTechnician(page);
  await page.keyboard.press('F6');
  await expect(page.getByTestId('screen-devices')).toBeVisible();

  // The simulated devices of the demo, connected, each with a sentence.
  for (const id of DEMO_DEVICES) {
    await expect(row(page, id)).toHaveAttribute('data-state', 'connected');
    await expect(row(page, id).getByTestId('device-state')).toContainText('Siap');
  }
  await expect(row(page, 'fingerprint-sim').getByTestId('device-port')).toContainText('Simulator (zfm)');
  await expect(row(page, 'scanner-sim').getByTestId('device-port')).toContainText('http://127.0.0.1:');
  await expect(row(page, 'fingerprint-sim').getByTestId('device-identity')).toContainText('Ukuran paket');

  // Test the fingerprint reader: every check passes, and the identity is shown.
  await row(page, 'fingerprint-sim').getByTestId('device-test').click();
  const testDialog = page.getByTestId('device-test-dialog');
  await expect(testDialog.getByTestId('test-result')).toHaveAttribute('data-ok', 'true');
  const checks = testDialog.getByTestId('test-check');
  expect(await checks.count()).toBeGreaterThan(1);
  for (const c of await checks.all()) await expect(c).toHaveAttribute('data-ok', 'true');
  await expect(testDialog.getByTestId('test-summary')).toContainText('Semua pemeriksaan lulus');
  await testDialog.getByTestId('test-close').click();
  await expect(testDialog).toBeHidden();

  // The trace holds the test's command packets (tx, starting EF 01) and the answers.
  await row(page, 'fingerprint-sim').getByTestId('device-trace').click();
  const trace = page.getByTestId('trace-panel');
  await expect(trace).toBeVisible();
  const txRows = trace.locator('[data-testid="trace-row"][data-dir="tx"]');
  await expect(txRows.first()).toBeVisible();
  await expect(txRows.first().getByTestId('trace-hex')).toHaveText(/^ef 01 /);
  await expect(trace.locator('[data-testid="trace-row"][data-dir="rx"]').first()).toBeVisible();
  await expect(txRows.first()).toContainText('kirim');

  // Paused, new traffic (another test) is not recorded.
  await trace.getByTestId('trace-pause').click();
  await expect(trace.getByTestId('trace-state')).toHaveAttribute('data-paused', 'true');
  const before = await trace.getByTestId('trace-row').count();
  await row(page, 'fingerprint-sim').getByTestId('device-test').click();
  await expect(testDialog.getByTestId('test-result')).toHaveAttribute('data-ok', 'true');
  await testDialog.getByTestId('test-close').click();
  await page.waitForTimeout(1200);
  await expect(trace.getByTestId('trace-row')).toHaveCount(before);

  // Save: a text file in the protocol fixtures' "=> hex" form.
  const downloading = page.waitForEvent('download');
  await trace.getByTestId('trace-save').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^loket-trace-fingerprint-sim-.*\.txt$/);
  const text = await readFile(await download.path(), 'utf8');
  expect(text).toContain('=> ef01');
  expect(text).toContain('<= ef01');

  // Resumed, a new test shows up live.
  await trace.getByTestId('trace-resume').click();
  await expect(trace.getByTestId('trace-state')).toHaveAttribute('data-paused', 'false');
  await row(page, 'fingerprint-sim').getByTestId('device-test').click();
  await expect(testDialog.getByTestId('test-result')).toHaveAttribute('data-ok', 'true');
  await testDialog.getByTestId('test-close').click();
  await expect.poll(() => trace.getByTestId('trace-row').count()).toBeGreaterThan(before);
  await trace.getByTestId('trace-close').click();
  await expect(trace).toBeHidden();

  // Training: the simulated MRZ reader reads a composed sample passport.
  const mrzTrainer = page.getByTestId('sim-trainer-mrz-sim');
  await mrzTrainer.getByTestId('sim-present').click();
  await expect(mrzTrainer.getByTestId('sim-read')).toContainText('P<IDNSANTOSO<<BUDI<RAHARJO');

  // An MRZ reader on a port that does not exist: saved, and said to be disconnected.
  await page.getByTestId('device-add').click();
  const form = page.getByTestId('device-form');
  await expect(form).toBeVisible();
  await form.getByTestId('device-id').fill('MRZ Salah');
  await form.getByTestId('device-submit').click();
  await expect(form.getByTestId('device-id-error')).toBeVisible();
  await expect(form.getByTestId('device-kind-error')).toBeVisible();
  await form.getByTestId('device-id').fill('mrz-none');
  await form.getByTestId('device-label').fill('Pembaca MRZ cadangan');
  await form.getByTestId('device-kind').selectOption('mrz');
  await form.getByTestId('device-driver').selectOption('mrz-lines');
  await form.getByTestId('device-port-path').check();
  await form.getByTestId('device-path').fill('/dev/ttyLOKET-none');
  await form.getByTestId('device-baud').selectOption('9600');
  await form.getByTestId('device-submit').click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('notice')).toContainText('Pembaca MRZ cadangan');
  const added = row(page, 'mrz-none');
  await expect(added).toHaveAttribute('data-state', 'disconnected');
  await expect(added.getByTestId('device-state')).toContainText('Terputus');
  await expect(added.getByTestId('device-sentence')).not.toBeEmpty();
  await expect(added.getByTestId('device-port')).toContainText('/dev/ttyLOKET-none @ 9600');
  // The simulators stood in only while nothing was configured: the first device replaces them.
  await expect(page.getByTestId('device-row')).toHaveCount(1);

  // Editing keeps the ID, kind and port; a new name is shown.
  await added.getByTestId('device-edit').click();
  await expect(form.getByTestId('device-id')).toHaveValue('mrz-none');
  await expect(form.getByTestId('device-path')).toHaveValue('/dev/ttyLOKET-none');
  await expect(form.getByTestId('device-baud')).toHaveValue('9600');
  await form.getByTestId('device-label').fill('Pembaca MRZ meja 2');
  await form.getByTestId('device-label').press('Enter');
  await expect(form).toBeHidden();
  await expect(added).toContainText('Pembaca MRZ meja 2');
  await expect(added).toHaveAttribute('data-state', 'disconnected');

  // Removing asks first, naming the device; then it is gone.
  await added.getByTestId('device-remove').click();
  const confirm = page.getByTestId('device-remove-confirm');
  await expect(confirm).toContainText('Pembaca MRZ meja 2');
  await expect(confirm).toContainText('mrz-none');
  await confirm.getByTestId('confirm-yes').click();
  await expect(confirm).toBeHidden();
  await expect(added).toHaveCount(0);
  // With nothing configured again, the simulators stand in again.
  await expect(page.getByTestId('device-row')).toHaveCount(DEMO_DEVICES.length);
  for (const id of DEMO_DEVICES) await expect(row(page, id)).toHaveAttribute('data-state', 'connected');
});

test('a counter officer gets no device configuration, and the station refuses it', async ({ page, station }) => {
  await captureStationSocket(page);
  await createFirstAdmin(page, station.url);
  // An administrator without the technician role sees the devices, without the tools.
  await page.getByTestId('tab-devices').click();
  await expect(row(page, 'fingerprint-sim')).toBeVisible();
  await expect(page.getByTestId('devices-readonly')).toBeVisible();
  await expect(page.getByTestId('device-add')).toHaveCount(0);
  await expect(page.getByTestId('device-test')).toHaveCount(0);
  await expect(page.getByTestId('device-remove')).toHaveCount(0);

  await addOfficer(page, COUNTER, ['counter']);
  await logout(page);
  await login(page, COUNTER);
  await expect(page.getByTestId('tab-queue')).toBeVisible();
  await expect(page.getByTestId('tab-devices')).toHaveCount(0);
  await page.keyboard.press('F6');
  await expect(page.getByTestId('screen-devices')).toHaveCount(0);
  await expect(page.getByTestId('device-add')).toHaveCount(0);

  const save = await rawCall(page, 'devices.save', {
    id: 'mrz-sneaky', kind: 'mrz', driver: 'mrz-lines', label: 'Sneaky', port: { kind: 'path', path: '/dev/ttyS0', baudRate: 9600 },
  });
  expect(save).toEqual({ ok: false, error: { code: 'forbidden' } });
  const remove = await rawCall(page, 'devices.remove', { id: 'fingerprint-sim' });
  expect(remove.ok).toBe(false);
  // Training stays open to counter officers.
  const sim = await rawCall(page, 'devices.simulate', { id: 'barcode-sim', action: 'scan_code', code: 'BK0000001' });
  expect(sim).toEqual({ ok: true, value: null });
});
