// A mobile unit against a real office service on PostgreSQL 15: the trip's bookings pulled
// before leaving; a week's work backed up encrypted to a "USB drive" (a directory) that
// Debian's own `age` opens with the office's key; the unit wiped and its backup restored at
// the office with nothing lost; and a sync over a link that breaks off, started again, going
// on where it stopped with nothing lost or doubled.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { OfficeLink, officeRequest, PUSH_BATCH } from '../../../electron/services/office-link';
import { MobileTripService } from '../../../electron/services/mobile-trip';
import type { Office } from '../../../office/service';
import { BACKUP_KEY_FILE, loadOrCreateBackupKey } from '../../../office/backup-key';
import { restoreBackup } from '../../../office/restore';
import { startPostgres, type TestPostgres } from '../../helpers/postgres';
import { applicantAtCounter, pairedStore, startTestOffice } from '../../helpers/office-stations';
import { throttledLink, type ThrottledLink } from '../../helpers/throttled-link';
import { openWithAgeCli } from '../../helpers/age-cli';
import { appointmentFields, removeTempDirs, tempDir, type TestStore } from '../../helpers/stores';

const AT = '2026-12-07T08:00:00.000Z';
let pgServer: TestPostgres;
type TestOffice = Awaited<ReturnType<typeof startTestOffice>>;
const offices: TestOffice[] = [];
const stores: TestStore[] = [];
const links: ThrottledLink[] = [];

beforeAll(async () => { pgServer = await startPostgres(); }, 60_000);
afterAll(async () => { await pgServer?.stop(); });
afterEach(async () => {
  for (const s of stores.splice(0)) s.store.close();
  for (const l of links.splice(0)) await l.close();
  for (const o of offices.splice(0)) await o.stop();
  removeTempDirs();
});

async function office() {
  const o = await startTestOffice(pgServer.url);
  offices.push(o);
  return o;
}

async function station(o: Office, name: string, url = o.server.url): Promise<TestStore> {
  const s = await pairedStore(o.pool, url, name);
  stores.push(s);
  return s;
}

function book(s: TestStore, n: number, date: string): string {
  return s.store.tx(() => s.store.appointments.insert(appointmentFields(n, date), { status: 'booked', priority: [], walkIn: false, sourceHash: null, at: AT }));
}

async function officeIds(o: Office, stationId: string): Promise<string[]> {
  const { rows } = await o.pool.query<{ change_id: string }>('SELECT change_id FROM changes WHERE station_id = $1', [stationId]);
  return rows.map((r) => r.change_id);
}

describe('mobile units', () => {
  it('pulls the trip\'s bookings, backs up its week encrypted to the office\'s key, and the office restores it after the unit is wiped', async () => {
    const o = await office();
    const counter = await station(o, 'Loket 1');
    const inTrip = [book(counter, 1, '2026-12-14'), book(counter, 2, '2026-12-15')];
    book(counter, 3, '2026-12-21');
    // A later correction: the row's columns carry two stamps at the office.
    counter.store.tx(() => counter.store.appointments.updateFields(inTrip[0]!, { ...appointmentFields(1, '2026-12-14'), phone: '081299990000' }, 'h2', AT));
    await new OfficeLink(counter.store).sync();

    // The office's selection: exactly the trip's days, each row with its own stamps.
    const cfg = counter.store.officeLink.link()!;
    const sel = await officeRequest<{ bookings: number; changes: { rowId: string; hlc: string }[] }>(cfg.url, cfg.certSha256, 'GET', '/v1/trip?from=2026-12-14&to=2026-12-16', undefined, cfg.credential);
    expect(sel.bookings).toBe(2);
    expect(new Set(sel.changes.map((c) => c.rowId))).toEqual(new Set(inTrip));
    expect(sel.changes.filter((c) => c.rowId === inTrip[0]).length).toBe(2);
    await expect(officeRequest(cfg.url, cfg.certSha256, 'GET', '/v1/trip?from=2026-12-16&to=2026-12-14', undefined, cfg.credential)).rejects.toMatchObject({ code: 'trip_dates_invalid' });

    const unit = await station(o, 'Mobil 1');
    const trip = new MobileTripService(unit.store);
    const status = await trip.prepare('officer-1', '2026-12-14', '2026-12-16');
    expect(status.onTrip).toBe(true);
    expect(status.trip?.bookings).toBe(2);
    expect(status.trip?.backupRecipient).toMatch(/^age1/);
    for (const id of inTrip) expect(unit.store.appointments.getById(id)).toEqual(counter.store.appointments.getById(id));

    // A week on the road, no link: three enrolments.
    for (let i = 0; i < 3; i++) applicantAtCounter(unit, 100 + i, AT, '2026-12-14', 2);
    const unsent = unit.store.changes.unsent(100_000);
    expect(unsent.length).toBeGreaterThan(60);
    const blobIds = [...new Set(unsent.filter((c) => c.table === 'blobs').map((c) => c.rowId))];
    const blobSha = new Map(blobIds.map((id) => [id, createHash('sha256').update(unit.store.blobs.get(id)!.data).digest('hex')]));

    const usb = tempDir('loket-usb-');
    const out = await trip.backup('officer-1', usb);
    expect(out.changes).toBe(unsent.length);
    expect(out.blobs).toBe(blobIds.length);
    expect(statSync(out.file).mode & 0o777).toBe(0o600);
    const sealed = readFileSync(out.file);
    expect(sealed.subarray(0, 21).toString()).toBe('age-encryption.org/v1');
    expect(sealed.includes(Buffer.from('PEMOHON'))).toBe(false);

    // Debian's own age opens it with the office's key file, as it lies in the office's data directory.
    const keyFile = path.join(o.dataDir, BACKUP_KEY_FILE);
    const lines = openWithAgeCli(keyFile, out.file);
    expect(lines[0]).toMatchObject({ kind: 'loket-unsynced-backup', stationId: unit.store.stationId, changes: unsent.length });
    expect(lines.length).toBe(1 + unsent.length + blobIds.length);

    // The laptop is lost: its store is gone. The office restores the drive.
    const unitId = unit.store.stationId;
    unit.store.close();
    stores.splice(stores.indexOf(unit), 1);
    rmSync(unit.dir, { recursive: true, force: true });
    const { identity } = await loadOrCreateBackupKey(path.dirname(keyFile));
    const restored = await restoreBackup(o.pool, identity, out.file);
    expect(restored).toMatchObject({ stored: unsent.length, duplicate: 0, parked: 0, blobs: blobIds.length });
    expect(new Set(await officeIds(o, unitId))).toEqual(new Set(unsent.map((c) => c.changeId)));
    const { rows } = await o.pool.query<{ id: string; sha256: string; ok: boolean }>(
      "SELECT id, sha256, encode(sha256(bytes), 'hex') = sha256 AS ok FROM restored_blobs WHERE station_id = $1", [unitId]);
    expect(new Map(rows.map((r) => [r.id, r.sha256]))).toEqual(blobSha);
    expect(rows.every((r) => r.ok)).toBe(true);
    // Restoring twice doubles nothing; the counter sees the unit's enrolments.
    expect(await restoreBackup(o.pool, identity, out.file)).toMatchObject({ stored: 0, duplicate: unsent.length });
    await new OfficeLink(counter.store).sync();
    const unitApplicants = counter.db.prepare("SELECT count(*) AS n FROM appointments WHERE booking_code IN ('BK00000100', 'BK00000101', 'BK00000102') AND status = 'awaiting_approval'").get() as { n: number };
    expect(unitApplicants.n).toBe(3);
  }, 120_000);

  it('a sync over a weak link that breaks off goes on where it stopped: nothing lost, nothing doubled', async () => {
    const o = await office();
    const port = Number(new URL(o.server.url).port);
    const link = await throttledLink({ host: '127.0.0.1', port }, 2_000_000);
    links.push(link);
    const unit = await station(o, 'Mobil 2', link.url);
    const trip = new MobileTripService(unit.store);
    await trip.prepare('officer-1', '2026-12-14', '2026-12-20');
    for (let i = 0; i < 50; i++) unit.store.tx(() => applicantAtCounter(unit, i, AT, '2026-12-15', 0));
    const logged = unit.store.changes.unsent(100_000).map((c) => c.changeId);
    expect(logged.length).toBeGreaterThan(1000);

    // The link drops halfway through the second batch (pushes go gzip-compressed).
    const firstBatch = zlib.gzipSync(JSON.stringify({ format: 1, changes: unit.store.changes.unsent(PUSH_BATCH) }), { level: 1 }).length;
    link.dropAfter(Math.round(firstBatch * 1.5));
    await expect(trip.finish('officer-1')).rejects.toMatchObject({ params: { reason: 'office_unreachable' } });
    const left = unit.store.changes.count();
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(logged.length);
    expect(trip.status().onTrip).toBe(true);

    link.restore();
    const done = await trip.finish('officer-1');
    expect(done).toMatchObject({ onTrip: false, waiting: 0 });
    const held = await officeIds(o, unit.store.stationId);
    expect(held.length).toBe(new Set(held).size);
    expect(new Set(held)).toEqual(new Set(logged));
  }, 120_000);
});
