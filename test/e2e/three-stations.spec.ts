// One applicant across the three stations of an office (issue 12), in Chromium at 1366 × 768
// against three browser-host stations — each its own process and data directory, paired
// with one office service on a real PostgreSQL started here:
//   "Loket 1": a counter officer registers a walk-in and enrols her with the simulated
//     devices (fingers on the ZFM simulator, the documents from the eSCL simulator, a photo),
//     then submits;
//   "Supervisor": the application appears in the review queue without a reload, with the
//     counter's photo (a sealed blob the office replicated), and is approved;
//   "Ruang cetak": the approval appears in the print queue; it is printed on a book from the
//     station's lease of blank books, passes the check, and is handed over to her once her
//     finger matches the counter's templates on the print room's own simulated reader.
// At the end the counter's queue shows her passport issued, and the office's database holds
// one application, issued.
import { rmSync } from 'node:fs';
import jpeg from 'jpeg-js';
import pg from 'pg';
import type { Browser, Page } from '@playwright/test';
import { consoleProblems, expect, launchStation, test, type StationProcess } from './fixtures';
import { addOfficer, captureStationSocket, createFirstAdmin, localToday, login, logout, type Officer, fillWalkIn } from './helpers';
import { pairThroughSettings, useOfficeService } from './office-service';
import { okCall } from './handover-devices';
import { goToStep } from './enrolment-helpers';
import { answerIdentityAndDetails } from '../helpers/enrolment-steps';
import { completeServiceParts } from '../helpers/service-parts';
import type { CaptureView, EnrolmentView, QueueView } from '../../electron/contract-types';

const SCREEN = { width: 1366, height: 768 } as const;
test.use({ viewport: SCREEN });

const ADMIN_COUNTER: Officer = { name: 'Siti Rahmawati', nip: '198503122010012001', password: 'admin-rahasia-1' };
const ADMIN_SUPERVISOR: Officer = { name: 'Budi Santoso', nip: '197905052005011003', password: 'admin-kedua-22' };
const ADMIN_PRINT: Officer = { name: 'Agus Salim', nip: '198001012006041004', password: 'admin-ketiga-33' };
const COUNTER: Officer = { name: 'Wati Kusuma', nip: '198812122014022006', password: 'loket-wati-2024' };
const SUPERVISOR: Officer = { name: 'Bambang Penyelia', nip: '197903032005011002', password: 'penyelia-rahasia-7' };
const PRINTER: Officer = { name: 'Dian Cetak', nip: '199105052016052005', password: 'rahasia-cetak-5' };

const APPLICANT = { nik: '3578014506000001', fullName: 'Nur Aini', birthPlace: 'Surabaya', birthDate: '2000-06-05' };

const bed = useOfficeService();

/** With room for scrypt (128 MiB, by design) on a machine busy with three stations. */
const slowLogin = (page: Page, officer: Officer): Promise<void> => login(page, officer, 60_000);

/** A station's screen and what its console said (the fixture's own page checks its console itself). */
interface Desk { page: Page; problems: string[] }

/** A station's screen in its own browser context at the counter PC's size, able to speak on its connection. */
async function openDesk(browser: Browser): Promise<Desk> {
  const context = await browser.newContext({ locale: 'id-ID', viewport: SCREEN });
  const page = await context.newPage();
  const problems = consoleProblems(page);
  await captureStationSocket(page);
  return { page, problems };
}

/** A plain JPEG standing for the camera's crop: the station stores what it is given. */
function photoBase64(): string {
  const [w, h] = [413, 531];
  return Buffer.from(jpeg.encode({ data: Buffer.alloc(w * h * 4, 175), width: w, height: h }, 85).data).toString('base64');
}

/**
 * Every planned finger on the simulated ZFM reader, each with its own code (the reader's
 * duplicate check must pass), through the contract: the fingerprint step's screen moves on by
 * itself, which a test's clicks would race.
 */
async function fingersOnSimulator(page: Page, appointmentId: string): Promise<CaptureView> {
  let view = await okCall(page, 'capture.start', { appointmentId }) as CaptureView;
  for (let n = 0; view.state !== 'done' && view.current && n < 10; n++) {
    await okCall(page, 'devices.simulate', { id: 'fingerprint-sim', action: 'place_finger', code: `nur-aini-${view.current}`, variant: 'clean' });
    await okCall(page, 'capture.action', { appointmentId, action: 'retry' });
    await expect.poll(async () => {
      view = await okCall(page, 'capture.get', { appointmentId }) as CaptureView;
      return view.state;
    }, { timeout: 30_000, message: 'the simulated reader gave the finger' }).toMatch(/^(review|done|error)$/);
    expect(view.state, JSON.stringify(view.message)).not.toBe('error');
    await okCall(page, 'devices.simulate', { id: 'fingerprint-sim', action: 'lift_finger' });
  }
  expect(view.state).toBe('done');
  return view;
}

async function officeApplications(): Promise<{ id: string; status: string }[]> {
  const client = new pg.Client({ connectionString: bed.pgUrl });
  await client.connect();
  try {
    const r = await client.query<{ id: string; status: string }>(
      "SELECT row_id AS id, vals->>'status' AS status FROM merged_rows WHERE tbl = 'appointments' AND deleted_hlc IS NULL");
    return r.rows;
  } finally {
    await client.end();
  }
}

test('an enrolment at a counter is approved at the supervisor\'s PC, printed in the print room and handed over there', async ({ page, browser }) => {
  // PostgreSQL, an office service, three stations and a whole application: minutes, bounded.
  test.setTimeout(420_000);
  const stations: StationProcess[] = [];
  try {
    stations.push(...await Promise.all([1, 2, 3].map(() => launchStation(false, { simulators: true }))));
    const [counterStation, supervisorStation, printStation] = stations as [StationProcess, StationProcess, StationProcess];
    const counter = { page };
    await captureStationSocket(page);
    const supervisor = await openDesk(browser);
    const print = await openDesk(browser);

    // ---- set-up: the officers at the counter's station, each station paired by its administrator
    await createFirstAdmin(counter.page, counterStation.url, ADMIN_COUNTER);
    await addOfficer(counter.page, COUNTER, ['counter']);
    await addOfficer(counter.page, SUPERVISOR, ['supervisor']);
    await addOfficer(counter.page, PRINTER, ['print', 'supervisor']);
    await pairThroughSettings(counter.page, bed.office, 'Loket 1');
    await createFirstAdmin(supervisor.page, supervisorStation.url, ADMIN_SUPERVISOR);
    await pairThroughSettings(supervisor.page, bed.office, 'Supervisor');
    await createFirstAdmin(print.page, printStation.url, ADMIN_PRINT);
    await pairThroughSettings(print.page, bed.office, 'Ruang cetak');

    // The officers added at Loket 1 log in at the other two: they came with the pull after pairing.
    await logout(supervisor.page);
    await slowLogin(supervisor.page, SUPERVISOR);
    await logout(print.page);
    await slowLogin(print.page, PRINTER);

    // The print room takes a delivery of blank books and leases twelve from the office.
    await print.page.keyboard.press('F11');
    await print.page.getByTestId('print-section-stock').click();
    await print.page.getByTestId('receive-reference').fill('SP-2026-301');
    await print.page.getByTestId('receive-series').selectOption('elektronik');
    await print.page.getByTestId('receive-first').fill('C4000001');
    await print.page.getByTestId('receive-last').fill('C4000030');
    await print.page.getByTestId('receive-submit').click();
    await expect(print.page.getByTestId('stock-message')).toBeVisible();
    await print.page.getByTestId('lease-series').selectOption('elektronik');
    await print.page.getByTestId('lease-count').fill('12');
    await print.page.getByTestId('lease-submit').click();
    await expect(print.page.getByTestId('lease-row')).toContainText('C4000001–C4000012');
    await print.page.getByTestId('print-section-queue').click();
    await expect(print.page.getByTestId('print-waiting').locator('tbody tr')).toHaveCount(0);

    // The supervisor waits on the review queue.
    await supervisor.page.keyboard.press('F12');
    await expect(supervisor.page.getByTestId('review-empty')).toBeVisible();

    // ---- Loket 1: a walk-in, enrolled with the simulated devices, submitted
    await logout(counter.page);
    await slowLogin(counter.page, COUNTER);
    await fillWalkIn(counter.page, APPLICANT);
    await counter.page.getByTestId('walkin-submit').click();
    await expect(counter.page.getByTestId('notice')).toContainText(APPLICANT.fullName);
    const row = counter.page.getByTestId('queue-row').filter({ hasText: APPLICANT.fullName });
    await expect(row).toHaveCount(1);
    const call = <T>(method: string, input?: unknown) => okCall(counter.page, method, input ?? {}) as Promise<T>;
    const found = (await call<QueueView>('queue.view', { date: localToday(), query: APPLICANT.nik })).rows;
    expect(found.map((r) => r.fullName)).toEqual([APPLICANT.fullName]);
    const { id: appointmentId, bookingCode } = found[0]!;
    await call('enrolment.open', { appointmentId });
    const fingers = (await fingersOnSimulator(counter.page, appointmentId)).fingers.map((f) => f.finger);
    await call('photo.save', { appointmentId, jpegBase64: photoBase64(), width: 413, height: 531, camera: 'e2e', checks: { exposureOk: true, sharpnessOk: true, subjectOk: true } });
    await completeServiceParts(call, appointmentId);
    // A walk-in has not paid yet: the supervisor confirms the payment proof at the counter.
    await answerIdentityAndDetails({ ok: call }, appointmentId, { supervisor: SUPERVISOR });
    expect((await call<EnrolmentView>('enrolment.get', { appointmentId })).missing).toEqual([]);
    // The officer opens her enrolment from the queue and sends it from the summary, on screen.
    await row.getByTestId('row-enrol').click();
    await expect(counter.page.getByTestId('enrolment')).toHaveAttribute('data-appointment-id', appointmentId);
    await goToStep(counter.page, 'summary');
    await expect(counter.page.getByTestId('summary-complete')).toBeVisible();
    await expect(counter.page.getByTestId('summary-photo-img')).toBeVisible();
    await expect(counter.page.getByTestId('summary-fingerprints')).toHaveAttribute('data-state', 'done');
    await expect(counter.page.getByTestId('enrolment-submit')).toBeFocused();
    await counter.page.keyboard.press('Enter');
    const submittedAt = Date.now();
    await expect(counter.page.getByTestId('screen-queue')).toBeVisible();
    await expect(row).toHaveAttribute('data-status', 'awaiting_approval');

    // ---- Supervisor: it appears without a reload, with the counter's photo
    const reviewRow = supervisor.page.locator(`[data-testid="review-row"][data-appointment-id="${appointmentId}"]`);
    await expect(reviewRow).toBeVisible({ timeout: 15_000 });
    test.info().annotations.push({ type: 'submit → review queue', description: `${Date.now() - submittedAt} ms` });
    await expect(reviewRow).toContainText(APPLICANT.fullName);
    await reviewRow.click();
    const detail = supervisor.page.getByTestId('review-detail');
    await expect(detail).toHaveAttribute('data-appointment-id', appointmentId);
    // The photo is the counter's sealed blob, fetched from the office and opened with its data key.
    const reviewPhoto = supervisor.page.getByTestId('review-photo');
    await expect(reviewPhoto).toBeVisible({ timeout: 30_000 });
    expect(await reviewPhoto.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([413, 531]);
    await expect(supervisor.page.getByTestId('review-fingers').locator('tbody tr')).toHaveCount(4);
    await supervisor.page.getByTestId('review-approve').click();
    await expect(supervisor.page.getByTestId('review-batch-dialog')).toBeVisible();
    await supervisor.page.getByTestId('review-batch-password').fill(SUPERVISOR.password);
    await supervisor.page.keyboard.press('Enter');
    await expect(supervisor.page.getByTestId('notice')).toContainText('disetujui', { timeout: 30_000 });
    await expect(supervisor.page.getByTestId('review-empty')).toBeVisible();
    const approvedAt = Date.now();

    // ---- Ruang cetak: the approval in the print queue, printed on a leased book, checked
    const waiting = print.page.getByTestId('print-waiting').locator('tbody tr');
    await expect(waiting).toHaveCount(1, { timeout: 15_000 });
    test.info().annotations.push({ type: 'approve → print queue', description: `${Date.now() - approvedAt} ms` });
    await expect(waiting.first()).toContainText(APPLICANT.fullName);
    await waiting.first().locator('input[type=checkbox]').check();
    await print.page.getByTestId('print-selected').click();
    const next = await print.page.getByTestId('print-next-serial').textContent();
    const serial = /([A-Z]\d{7})/.exec(next ?? '')?.[1];
    expect(serial, `the next book is one of the lease: ${next}`).toMatch(/^C40000(0\d|1[0-2])$/);
    await print.page.getByTestId('print-serial').fill(serial!);
    await print.page.getByTestId('print-serial').press('Enter');
    await expect(print.page.getByTestId('print-printed')).toContainText(serial!, { timeout: 90_000 });
    await print.page.getByTestId('print-check').click();
    await expect(print.page.getByTestId('print-qc-passed')).toContainText(serial!, { timeout: 60_000 });

    // The counter sees the book printed, live.
    await expect(row).toHaveAttribute('data-status', 'printed', { timeout: 15_000 });

    // ---- Ruang cetak: handed over to her in person, her finger matched against the counter's
    // templates (replicated sealed) on this station's own simulated reader.
    await print.page.keyboard.press('Shift+F11');
    await expect(print.page.getByTestId('handover-code')).toBeFocused();
    // Someone else's finger first: her templates, not any finger, are what matches.
    await okCall(print.page, 'devices.simulate', { id: 'fingerprint-sim', action: 'place_finger', code: 'orang-lain-right_thumb', variant: 'clean' });
    await print.page.getByTestId('handover-code').fill(bookingCode);
    await print.page.keyboard.press('Enter');
    await expect(print.page.getByTestId('handover-name')).toHaveText(APPLICANT.fullName);
    await expect(print.page.getByTestId('handover-photo')).toBeVisible({ timeout: 30_000 });
    const handoverFinger = print.page.getByTestId('handover-finger');
    await expect(handoverFinger).toHaveAttribute('data-state', 'no_match', { timeout: 30_000 });
    await okCall(print.page, 'devices.simulate', { id: 'fingerprint-sim', action: 'lift_finger' });
    await okCall(print.page, 'devices.simulate', { id: 'fingerprint-sim', action: 'place_finger', code: `nur-aini-${fingers[0]}`, variant: 'clean' });
    await print.page.getByTestId('handover-retry').click();
    await expect(handoverFinger).toHaveAttribute('data-state', 'matched', { timeout: 30_000 });
    await expect(print.page.getByTestId('handover-give')).toBeFocused();
    await print.page.keyboard.press('Enter');
    await expect(print.page.getByTestId('handover-done')).toContainText(`Paspor telah diserahkan kepada ${APPLICANT.fullName}.`);
    await okCall(print.page, 'devices.simulate', { id: 'fingerprint-sim', action: 'lift_finger' });

    // ---- the end: the counter's queue and the office's database agree
    await expect(row).toHaveAttribute('data-status', 'issued', { timeout: 15_000 });
    await expect.poll(officeApplications, { timeout: 15_000 }).toEqual([{ id: appointmentId, status: 'issued' }]);

    expect(supervisor.problems, 'console at the supervisor\'s station').toEqual([]);
    expect(print.problems, 'console in the print room').toEqual([]);
  } catch (err) {
    // What the stations wrote (no personal data: they log methods and reasons, never inputs).
    for (const [i, s] of stations.entries()) await test.info().attach(`station-${i + 1}-output`, { body: s.output(), contentType: 'text/plain' });
    throw err;
  } finally {
    for (const s of stations) { await s.stop(); rmSync(s.dataDir, { recursive: true, force: true }); }
  }
});
