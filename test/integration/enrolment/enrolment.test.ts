// An enrolment at the counter through real station sessions: the old passport's MRZ
// checked against the booking, document pages scanned from the eSCL simulator and sealed in
// the store, the photo, and the refusal to send an incomplete enrolment for approval.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import jpeg from 'jpeg-js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { createStation } from '../../../electron/station';
import { fileKeyProvider } from '../../../electron/key-providers';
import { startEsclSim, type EsclSim } from '../../../native/sim/escl-sim';
import { composeTd3 } from '../../../domain/mrz/compose-td3';
import { ADMIN } from '../../helpers/station';
import type { Station } from '../../../electron/station-types';
import type { AppointmentRow, EnrolmentView, BlobData } from '../../../electron/contract-types';

let dir: string;
let sim: EsclSim;
let station: Station;
let call: (m: string, i?: unknown) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>;
let applicant: AppointmentRow;

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'loket-enr-'));
  sim = await startEsclSim({ feederPages: 2 });
  station = await createStation({ dataDir: dir, keyProvider: fileKeyProvider(), scannerUrl: sim.url, now: () => new Date('2026-11-23T09:00:00+07:00') });
  const s = station.openSession();
  call = (m, i = {}) => s.call(m, i);
  await call('setup.createFirstAdmin', ADMIN);
  const me = (await call('auth.session')).value as { officerId: string };
  await call('officers.update', { id: me.officerId, roles: ['admin', 'counter'] });
  applicant = (await call('queue.addWalkIn', {
    nik: '3171014508900003', fullName: 'Dewi Lestari', birthPlace: 'Jakarta', birthDate: '1990-08-05', sex: 'F',
    service: 'replace_expired', passportType: 'electronic', priority: [],
  })).value as AppointmentRow;
});
afterEach(async () => { await station.close(); await sim.close(); rmSync(dir, { recursive: true, force: true }); });

const ok = async <T>(m: string, i: unknown): Promise<T> => {
  const r = await call(m, i);
  if (!r.ok) throw new Error(`${m}: ${JSON.stringify(r.error)}`);
  return r.value as T;
};

function oldPassportMrz(birthDate: string, sex: 'M' | 'F'): string[] {
  const r = composeTd3({ documentNumber: 'B1234567', primaryIdentifier: 'LESTARI', secondaryIdentifier: 'DEWI', birthDate, sex, expiryDate: '2025-01-10' });
  if (!r.ok) throw new Error('compose failed');
  return r.lines;
}

describe('enrolment', () => {
  it('attaches the old passport MRZ and flags where it disagrees with the booking', async () => {
    const v0 = await ok<EnrolmentView>('enrolment.open', { appointmentId: applicant.id });
    expect(v0.appointment.status).toBe('in_enrolment');
    const same = await ok<EnrolmentView>('enrolment.attachMrz', { appointmentId: applicant.id, lines: oldPassportMrz('1990-08-05', 'F'), source: 'reader' });
    expect(same.mrz).toMatchObject({ valid: true, documentNumber: 'B1234567', disagreements: [] });
    const other = await ok<EnrolmentView>('enrolment.attachMrz', { appointmentId: applicant.id, lines: oldPassportMrz('1990-08-06', 'F'), source: 'typed' });
    expect(other.mrz!.disagreements).toEqual([expect.objectContaining({ field: 'birthDate' })]);
    // A wrong check digit is named, not silently accepted.
    const lines = oldPassportMrz('1990-08-05', 'F');
    const broken = [lines[0]!, lines[1]!.slice(0, 9) + ((Number(lines[1]![9]) + 1) % 10) + lines[1]!.slice(10)];
    const bad = await ok<EnrolmentView>('enrolment.attachMrz', { appointmentId: applicant.id, lines: broken, source: 'typed' });
    // (Held beside the valid read in use: see the next test.)
    expect(bad.mrz!.valid).toBe(true);
    expect(bad.mrzHeld!.valid).toBe(false);
    expect(bad.mrzHeld!.fieldErrors).toContainEqual(expect.objectContaining({ field: 'documentNumber', kind: 'checkDigit' }));
    expect(await call('enrolment.attachMrz', { appointmentId: applicant.id, lines: ['P<IDN'], source: 'typed' })).toMatchObject({ ok: false, error: { code: 'bad_input', field: 'lines' } });
  });

  it('keeps the last valid MRZ read: a failed read is held beside it until the officer decides', async () => {
    await ok('enrolment.open', { appointmentId: applicant.id });
    const lines = oldPassportMrz('1990-08-05', 'F');
    const broken = [lines[0]!, lines[1]!.slice(0, 9) + ((Number(lines[1]![9]) + 1) % 10) + lines[1]!.slice(10)];
    const good = await ok<EnrolmentView>('enrolment.attachMrz', { appointmentId: applicant.id, lines, source: 'reader' });
    expect(good.mrz).toMatchObject({ valid: true, lines });
    expect(good.mrzHeld).toBeNull();

    // A failed reader read does not overwrite the valid one; it is held, bad field named.
    const held = await ok<EnrolmentView>('enrolment.attachMrz', { appointmentId: applicant.id, lines: broken, source: 'reader' });
    expect(held.mrz).toMatchObject({ valid: true, lines });
    expect(held.mrzHeld).toMatchObject({ valid: false, source: 'reader', lines: broken });
    expect(held.mrzHeld!.fieldErrors).toContainEqual(expect.objectContaining({ field: 'documentNumber', kind: 'checkDigit' }));
    // It survives a reload (the station's store, not the screen, holds it).
    expect((await ok<EnrolmentView>('enrolment.get', { appointmentId: applicant.id })).mrzHeld).toMatchObject({ lines: broken });
    // A failed read from the reader cannot be chosen over a valid one.
    expect(await call('enrolment.decideMrz', { appointmentId: applicant.id, choice: 'useNew' })).toMatchObject({ ok: false, error: { code: 'conflict', params: { reason: 'mrz_held_invalid' } } });
    const kept = await ok<EnrolmentView>('enrolment.decideMrz', { appointmentId: applicant.id, choice: 'keep' });
    expect(kept.mrz).toMatchObject({ valid: true, lines });
    expect(kept.mrzHeld).toBeNull();
    expect(await call('enrolment.decideMrz', { appointmentId: applicant.id, choice: 'keep' })).toMatchObject({ ok: false, error: { code: 'conflict', params: { reason: 'no_held_mrz' } } });

    // A typed read the officer copied from the document may replace it, on their decision.
    await ok('enrolment.attachMrz', { appointmentId: applicant.id, lines: broken, source: 'typed' });
    const replaced = await ok<EnrolmentView>('enrolment.decideMrz', { appointmentId: applicant.id, choice: 'useNew' });
    expect(replaced.mrz).toMatchObject({ valid: false, source: 'typed', lines: broken });
    expect(replaced.mrzHeld).toBeNull();
    // With no valid read in use, a failed read simply replaces the failed one; a valid read replaces any.
    expect((await ok<EnrolmentView>('enrolment.attachMrz', { appointmentId: applicant.id, lines: broken, source: 'reader' })).mrzHeld).toBeNull();
    const fresh = await ok<EnrolmentView>('enrolment.attachMrz', { appointmentId: applicant.id, lines, source: 'reader' });
    expect(fresh.mrz).toMatchObject({ valid: true, source: 'reader' });
  });

  it('scans documents from the eSCL scanner, stores them sealed, and removes a page', async () => {
    await ok('enrolment.open', { appointmentId: applicant.id });
    const v = await ok<EnrolmentView>('documents.scan', { appointmentId: applicant.id, docType: 'kk', source: 'feeder', resolution: 150, colorMode: 'grayscale' });
    expect(v.documents.map((d) => [d.docType, d.page])).toEqual([['kk', 1], ['kk', 2]]);
    expect(v.documents[0]).toMatchObject({ mime: 'image/jpeg', resolution: 150 });
    expect(v.documents[0]!.width).toBeGreaterThan(1000);
    const blob = await ok<BlobData>('blob.get', { id: v.documents[0]!.blobId, screen: 'enrolment.documents' });
    expect(Buffer.from(blob.base64, 'base64').subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    // The empty feeder is reported clearly, and nothing half-stored.
    const empty = await call('documents.scan', { appointmentId: applicant.id, docType: 'kk', source: 'feeder', resolution: 150, colorMode: 'grayscale' });
    expect(empty).toMatchObject({ ok: false, error: { code: 'device' } });
    const after = await ok<EnrolmentView>('documents.remove', { appointmentId: applicant.id, blobId: v.documents[1]!.blobId });
    expect(after.documents).toHaveLength(1);
  });

  it('a scanner that vanishes mid-job leaves no page stored', async () => {
    await ok('enrolment.open', { appointmentId: applicant.id });
    sim.loadFeeder(3);
    sim.vanishAtPage(2);
    const r = await call('documents.scan', { appointmentId: applicant.id, docType: 'kk', source: 'feeder', resolution: 150, colorMode: 'color' });
    expect(r).toMatchObject({ ok: false, error: { code: 'device' } });
    expect((await ok<EnrolmentView>('enrolment.get', { appointmentId: applicant.id })).documents).toEqual([]);
  });

  it('saves the photo (a retake replaces it) and refuses an incomplete enrolment', async () => {
    await ok('enrolment.open', { appointmentId: applicant.id });
    const w = 350, h = 450;
    const img = jpeg.encode({ data: Buffer.alloc(w * h * 4, 200), width: w, height: h }, 85).data;
    const jpegBase64 = Buffer.from(img).toString('base64');
    await ok('photo.save', { appointmentId: applicant.id, jpegBase64, width: w, height: h, camera: 'fake', checks: { exposure: true } });
    const v = await ok<EnrolmentView>('photo.save', { appointmentId: applicant.id, jpegBase64, width: w, height: h, camera: 'fake', checks: { exposure: true } });
    expect(v.photo).toMatchObject({ width: 350, height: 450 });
    expect(await call('photo.save', { appointmentId: applicant.id, jpegBase64: Buffer.alloc(200, 1).toString('base64'), width: w, height: h, camera: 'x', checks: {} }))
      .toMatchObject({ ok: false, error: { code: 'bad_input', field: 'jpegBase64' } });
    expect(await call('enrolment.submit', { appointmentId: applicant.id })).toMatchObject({ ok: false, error: { code: 'conflict', params: { reason: 'incomplete', missing: 'mrz,identity,details,payment,fingerprints,old_passport_issue_date,old_passport_disposition,document_ktp,document_old_passport,signature' } } });
    // One photo blob only, sealed on disk.
    const db = readFileSync(path.join(dir, 'loket.sqlite'));
    expect(db.includes(Buffer.from(img).subarray(200, 260))).toBe(false);
  });
});
