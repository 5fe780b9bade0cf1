// Biometric and document bytes between stations through the office, on a real PostgreSQL:
// sealed under the office data key (handed to each station wrapped at pairing), uploaded in
// resumable chunks, fetched by the print room and sealed there with its own key; and the
// retention rule that removes a station's copy once the office holds it, with a clock the
// test moves.
import { describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { OfficeBlobs } from '../../../electron/services/office-blobs';
import { OfficeSyncService } from '../../../electron/services/office-sync';
import { putChunk } from '../../../office/blobs';
import { DB_FILE_NAME } from '../../../electron/store/store';
import { dumpDatabase, officeTestBed, type PairedStation } from '../../helpers/office-stations';
import { appointmentFields, rawDb } from '../../helpers/stores';

const AT = '2026-12-07T08:00:00.000Z';
const DAY = 86_400_000;
const harness = officeTestBed();

/** Recognisable bytes: a marker no sealed form can contain by chance, then random filler. */
function image(marker: string, size: number): Buffer {
  const head = Buffer.from(`${marker}|`.repeat(8), 'ascii');
  return Buffer.concat([head, randomBytes(size - head.length)]);
}

/** A counter's enrolment as it leaves blobs behind: a photo, two fingerprint images and a template. */
function enrol(s: PairedStation, n: number) {
  const appointmentId = s.store.tx(() => s.store.appointments.insert(appointmentFields(n), { status: 'booked', priority: [], walkIn: false, sourceHash: null, at: AT }));
  const owner = { type: 'appointment', id: appointmentId };
  const photo = image(`PLAINPHOTO${n}`, 700 * 1024);
  const fingers = [image(`PLAINFINGER${n}A`, 52 * 1024), image(`PLAINFINGER${n}B`, 52 * 1024)];
  const template = image(`PLAINTEMPLATE${n}`, 498);
  const ids = s.store.tx(() => ({
    photo: s.store.blobs.put(owner, 'photo', 'image/jpeg', photo, { width: 350, height: 450 }, AT),
    fingers: fingers.map((f, i) => s.store.blobs.put(owner, 'fingerprint', 'image/png', f, { finger: i === 0 ? 'right_thumb' : 'left_thumb' }, AT)),
    template: s.store.blobs.put(owner, 'fingerprint_template', 'application/octet-stream', template, { finger: 'right_thumb', format: 'zfm' }, AT),
  }));
  return { appointmentId, ids, photo, fingers, template };
}

describe('blobs through the office', () => {
  it('the print room reads the photo a counter took; the office holds only sealed bytes', async () => {
    const o = await harness.office();
    const a = await harness.station(o, 'Loket A');
    const b = await harness.station(o, 'Cetak B');
    // Both stations received the same office key, each wrapped for itself.
    const keyA = a.store.officeLink.link()!.dataKey!;
    expect(keyA).toHaveLength(32);
    expect(b.store.officeLink.link()!.dataKey!.equals(keyA)).toBe(true);

    const e = enrol(a, 1);
    // The counter's sync sends the changes, then the images; its status counts what waits.
    const syncA = new OfficeSyncService(a.store, () => new Date(AT), () => undefined, () => undefined);
    expect(syncA.status()).toMatchObject({ imagesWaiting: 4, officeKey: true });
    expect(await syncA.syncNow()).toMatchObject({ state: 'online', waiting: 0, imagesWaiting: 0 });
    // From here the test moves A by hand (its live channel would send the next image at once).
    syncA.stop();
    expect(await new OfficeBlobs(a.store, () => new Date(AT)).uploadPending()).toBe(0);

    await b.link.sync();
    // The row arrived with the changes; the bytes did not.
    expect(b.store.blobs.listFor('appointment', e.appointmentId)).toHaveLength(4);
    expect(b.store.blobs.get(e.ids.photo)).toBeUndefined();
    const blobsB = new OfficeBlobs(b.store, () => new Date(AT));
    await blobsB.ensureHere(e.ids.photo, 64 * 1024);
    // A blob the office never received: a sentence for the print room, nothing stored.
    const unsent = a.store.tx(() => a.store.blobs.put({ type: 'appointment', id: e.appointmentId }, 'document', 'image/jpeg', image('PLAINDOC1', 4096), {}, AT));
    await a.link.sync();
    await b.link.sync();
    await expect(blobsB.need(unsent)).rejects.toMatchObject({ code: 'office', params: { reason: 'blob_not_at_office' } });
    expect(b.store.blobTransfers.place(unsent)).toMatchObject({ here: false, officeHeldAt: null });
    expect(b.store.blobs.get(e.ids.photo)!.data.equals(e.photo)).toBe(true);
    expect(b.store.blobTransfers.place(e.ids.photo)).toMatchObject({ here: true, officeHeldAt: AT, removedAt: null });
    await blobsB.ensureHere(e.ids.fingers[1]!);
    expect(b.store.blobs.get(e.ids.fingers[1]!)!.data.equals(e.fingers[1]!)).toBe(true);

    // At the office: four complete uploads, each the station's sealed form under the office key.
    const { rows } = await o.pool.query<{ id: string; total: number; complete: boolean }>('SELECT id, total, completed_at IS NOT NULL AS complete FROM office_blobs ORDER BY id');
    expect(rows.map((r) => r.id).sort()).toEqual([e.ids.photo, ...e.ids.fingers, e.ids.template].sort());
    expect(rows.map((r) => r.id)).not.toContain(unsent);
    expect(rows.every((r) => r.complete)).toBe(true);
    // No plaintext in the office database (pg_dump writes bytea as hex), nor the data key.
    const dump = dumpDatabase(o.pgUrl);
    expect(dump).toContain('office_blob_chunks');
    for (const marker of ['PLAINPHOTO1|', 'PLAINFINGER1A|', 'PLAINFINGER1B|', 'PLAINTEMPLATE1|', 'PLAINDOC1|']) {
      expect(dump).not.toContain(marker);
      expect(dump).not.toContain(Buffer.from(marker).toString('hex'));
    }
    expect(dump).not.toContain(e.photo.subarray(200, 232).toString('hex'));
    expect(dump).not.toContain(keyA.toString('hex'));
    // The print room keeps the photo sealed with its own key, not in clear.
    expect(readFileSync(path.join(b.dir, DB_FILE_NAME)).includes(Buffer.from('PLAINPHOTO1|'))).toBe(false);
  }, 120_000);

  it('an upload cut off by the link resumes at the first byte the office lacks; a resend stores nothing twice', async () => {
    const o = await harness.office();
    const a = await harness.station(o, 'Loket A');
    const e = enrol(a, 2);
    const cfg = a.store.officeLink.link()!;
    const early = await new OfficeBlobs(a.store, () => new Date(AT)).upload(e.ids.photo).catch((err: unknown) => err);
    expect(early).toMatchObject({ status: 409, code: 'blob_unknown' });
    await a.link.sync();
    const sealed = OfficeBlobs.sealForOffice(cfg.dataKey!, e.ids.photo, e.photo);
    const sha256 = createHash('sha256').update(sealed).digest('hex');
    // The link dropped after the first 200 KiB reached the office.
    const first = await putChunk(o.pool, { id: e.ids.photo, stationId: a.store.stationId, total: sealed.length, sha256, offset: 0, bytes: sealed.subarray(0, 200 * 1024) });
    expect(first).toMatchObject({ received: 200 * 1024, complete: false });
    const before = await o.pool.query<{ xmin: string }>('SELECT xmin::text FROM office_blob_chunks WHERE blob_id = $1 AND "offset" = 0', [e.ids.photo]);
    // A chunk that does not start where the upload stands is not stored.
    const stray = await putChunk(o.pool, { id: e.ids.photo, stationId: a.store.stationId, total: sealed.length, sha256, offset: 300 * 1024, bytes: sealed.subarray(300 * 1024, 400 * 1024) });
    expect(stray.received).toBe(200 * 1024);

    await new OfficeBlobs(a.store, () => new Date(AT)).upload(e.ids.photo);
    const chunks = await o.pool.query<{ offset: number; n: number; xmin: string }>('SELECT "offset", length(bytes) AS n, xmin::text FROM office_blob_chunks WHERE blob_id = $1 ORDER BY "offset"', [e.ids.photo]);
    // The first chunk is the one stored before the drop (same writing transaction), the rest follow it without gap.
    expect(chunks.rows[0]).toMatchObject({ offset: 0, n: 200 * 1024, xmin: before.rows[0]!.xmin });
    let at = 0;
    for (const c of chunks.rows) { expect(c.offset).toBe(at); at += c.n; }
    expect(at).toBe(sealed.length);
    // Sent again (an answer lost): nothing changes at the office.
    await new OfficeBlobs(a.store, () => new Date(AT)).upload(e.ids.photo);
    const again = await o.pool.query('SELECT "offset", xmin::text FROM office_blob_chunks WHERE blob_id = $1 ORDER BY "offset"', [e.ids.photo]);
    expect(again.rows).toEqual(chunks.rows.map(({ offset, xmin }) => ({ offset, xmin })));
    // The office refuses one blob (here: a station that claims another station's blob as its
    // own); the station's other images still go, and that one stays here, not marked held.
    const b = await harness.station(o, 'Loket B');
    await a.link.sync();
    await b.link.sync();
    const claimed = e.ids.fingers[0]!;
    rawDb(b.store).prepare('UPDATE blobs SET station_id = ? WHERE id = ?').run(b.store.stationId, claimed);
    b.store.blobs.restore(claimed, e.fingers[0]!);
    const own = b.store.tx(() => b.store.blobs.put({ type: 'appointment', id: e.appointmentId }, 'document', 'image/jpeg', image('PLAINDOC2', 4096), {}, AT));
    const blobsB = new OfficeBlobs(b.store, () => new Date(AT));
    await b.link.sync();
    expect(b.store.blobTransfers.pendingUpload(10).sort()).toEqual([claimed, own].sort());
    expect(await blobsB.uploadPending()).toBe(1);
    expect(b.store.blobTransfers.place(claimed)).toMatchObject({ here: true, officeHeldAt: null });
    expect(b.store.blobTransfers.place(own)?.officeHeldAt).toBe(AT);
    await expect(blobsB.upload(claimed)).rejects.toMatchObject({ status: 403, code: 'blob_other_station' });
    expect((await o.pool.query('SELECT 1 FROM office_blobs WHERE id = $1', [claimed])).rows).toHaveLength(0);
  }, 120_000);

  it('retention: the bytes leave a station once the office holds them and the application has been issued for the set days', async () => {
    const o = await harness.office();
    const clock = { ms: Date.parse(AT) };
    const a = await harness.station(o, 'Loket A', clock);
    const now = () => new Date(clock.ms);
    const blobs = new OfficeBlobs(a.store, now, () => 30);
    const issued = enrol(a, 3);
    const open = enrol(a, 4);
    await a.link.sync();
    await blobs.uploadPending();
    // One more image the office does not hold yet (taken after the last send).
    const late = a.store.tx(() => a.store.blobs.put({ type: 'appointment', id: issued.appointmentId }, 'document', 'image/jpeg', image('PLAINDOC3', 4096), { type: 'ktp' }, AT));
    const issuedAt = new Date(Date.parse(AT) + DAY).toISOString();
    a.store.tx(() => a.store.appointments.setStatus(issued.appointmentId, 'booked', 'issued', null, undefined, issuedAt, 'issue'));

    clock.ms = Date.parse(issuedAt) + 29 * DAY;
    expect(blobs.sweep()).toBe(0);
    clock.ms = Date.parse(issuedAt) + 30 * DAY + 1000;
    expect(blobs.sweep()).toBe(4);
    expect(blobs.sweep()).toBe(0);

    // The metadata stays and says the office holds the bytes; the open application keeps
    // its bytes, and so does the image the office does not hold yet.
    expect(a.store.blobs.listFor('appointment', issued.appointmentId)).toHaveLength(5);
    expect(a.store.blobs.get(issued.ids.photo)).toBeUndefined();
    expect(a.store.blobTransfers.place(issued.ids.photo)).toMatchObject({ here: false, officeHeldAt: AT, removedAt: now().toISOString() });
    expect(a.store.blobs.get(late)).toBeDefined();
    expect(a.store.blobs.get(open.ids.photo)!.data.equals(open.photo)).toBe(true);
    // Audited per blob removed.
    const audited = a.db.prepare("SELECT detail FROM audit WHERE action = 'blob.retention'").all() as { detail: string }[];
    expect(audited.map((r) => (JSON.parse(r.detail) as { blobId: string }).blobId).sort()).toEqual([issued.ids.photo, ...issued.ids.fingers, issued.ids.template].sort());
    expect(audited.every((r) => (JSON.parse(r.detail) as { days: number }).days === 30)).toBe(true);
    // Removing bytes is not a change to replicate.
    expect(a.store.changes.unsent().filter((c) => c.table === 'blobs')).toHaveLength(1);

    // A screen that needs the photo later gets it from the office.
    await blobs.ensureHere(issued.ids.photo);
    expect(a.store.blobs.get(issued.ids.photo)!.data.equals(issued.photo)).toBe(true);
    expect(a.store.blobTransfers.place(issued.ids.photo)).toMatchObject({ here: true, removedAt: null });
  }, 120_000);
});
