// Deletions at the office, with a controlled clock for the office's compaction: kept at least
// 60 days, so a station away for 59 days still learns of one; compacted after that, when a
// station away longer is told to resync fully — and the resync removes the row it missed.
import { describe, expect, it } from 'vitest';
import { compactTombstones } from '../../../office/compaction';
import { resyncFully } from '../../../electron/services/office-resync';
import { officeTestBed, type PairedStation } from '../../helpers/office-stations';
import en from '../../../renderer/i18n/en.json';
import id from '../../../renderer/i18n/id.json';

const bed = officeTestBed();
const DAY = 86_400_000;
const blobIds = (s: PairedStation) => (s.db.prepare('SELECT id FROM blobs ORDER BY id').all() as { id: string }[]).map((r) => r.id);

describe('tombstones kept 60 days, then compacted', () => {
  it('a station away 59 days learns of a deletion; one away longer is told to resync, and the resync removes the row', async () => {
    const o = await bed.office();
    const a = await bed.station(o, 'Loket A');
    const b = await bed.station(o, 'Loket B');
    const c = await bed.station(o, 'Loket C');
    const [gone, kept] = a.store.tx(() => ['gone', 'kept'].map((k) => a.store.blobs.put({ type: 'appointment', id: k }, 'photo', 'image/jpeg', Buffer.from(k), {}, new Date(a.clock.ms).toISOString())));
    await a.link.sync();
    await b.link.sync();
    await c.link.sync();
    expect(blobIds(c).sort()).toEqual([gone!, kept!].sort());

    // A deletes one; B and C are away.
    a.store.tx(() => a.store.blobs.remove(gone!));
    await a.link.sync();
    const t0 = Date.now();

    // 59 days on: the office keeps the deletion (refusing a shorter retention), and B learns of it.
    await expect(compactTombstones(o.pool, 'test', new Date(t0 + 59 * DAY), 30)).rejects.toMatchObject({ code: 'retention_too_short' });
    expect(await compactTombstones(o.pool, 'test', new Date(t0 + 59 * DAY))).toEqual({ tombstones: 0, changes: 0 });
    await b.link.sync();
    expect(blobIds(b)).toEqual([kept]);

    // 61 days on: compacted. B, which saw the deletion, goes on; C is told to resync fully.
    expect(await compactTombstones(o.pool, 'test', new Date(t0 + 61 * DAY))).toEqual({ tombstones: 1, changes: 2 });
    await b.link.sync();
    const refused = await c.link.sync().catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'resync_required', status: 410 });
    expect((refused as Error).message).toMatch(/away longer than the office keeps deletions \(60 days\)/);
    expect(en.error.reason.resync_required).toBeTruthy();
    expect(id.error.reason.resync_required).toBeTruthy();
    expect(blobIds(c).sort()).toEqual([gone!, kept!].sort());

    const out = await resyncFully(c.store, 'admin-1', () => new Date(c.clock.ms));
    expect(out.tombstones).toBe(1);
    expect(blobIds(c)).toEqual([kept]);
    expect((await c.link.sync()).pulled.received).toBe(0);
    // A station paired now starts from the beginning: it never sees the deleted row.
    const d = await bed.station(o, 'Loket D');
    await d.link.sync();
    expect(blobIds(d)).toEqual([kept]);
    // …and, having pulled everything there is, it stands past the compacted point.
    expect((await d.link.sync()).pulled.received).toBe(0);
    const { rows } = await o.pool.query<{ action: string }>('SELECT action FROM office_audit');
    expect(rows.map((r) => r.action)).toEqual(['tombstones.compact']);
  }, 90_000);
});
