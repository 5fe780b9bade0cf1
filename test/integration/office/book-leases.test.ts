// Blank-book leases on a real PostgreSQL: the office is the one authority over blank books.
// Two paired print stations lease books concurrently and then print (assign books) at the
// same time, going on offline from their leases: no book is ever used twice, each station
// says so in a sentence when its lease is used up, and the office records who holds what.
import { describe, expect, it } from 'vitest';
import { StockService } from '../../../electron/services/stock';
import { BookLeaseService } from '../../../electron/services/book-lease';
import { StationError } from '../../../electron/services/errors';
import { listLeases } from '../../../office/leases';
import { officeTestBed, type PairedStation } from '../../helpers/office-stations';
import { openStore, tempDir } from '../../helpers/stores';
import en from '../../../renderer/i18n/en.json';
import id from '../../../renderer/i18n/id.json';

const bed = officeTestBed();
const OFFICER = 'officer-print-1';
const serials = Array.from({ length: 40 }, (_, i) => `C${String(1000001 + i)}`);

function parts(s: PairedStation) {
  const now = () => new Date(s.clock.ms);
  return { stock: new StockService(s.store, now), leases: new BookLeaseService(s.store, now) };
}

function reasonOf(fn: () => unknown): string | null {
  try { fn(); return null; } catch (err) {
    if (!(err instanceof StationError)) throw err;
    return String(err.params?.reason ?? err.code);
  }
}

/** The print room's loop: takes each book of the pile in turn; keeps what it may assign. */
async function printFromPile(s: PairedStation, stock: StockService, pile: string[]): Promise<{ printed: string[]; refusals: string[] }> {
  const printed: string[] = [];
  const refusals: string[] = [];
  for (const [i, serial] of pile.entries()) {
    await new Promise((r) => setImmediate(r));
    const why = reasonOf(() => stock.move(OFFICER, serial, 'assign', { appointmentId: `app-${s.store.stationId}-${i}`, at: new Date(s.clock.ms).toISOString() }));
    if (why === null) printed.push(serial); else refusals.push(why);
  }
  return { printed, refusals };
}

describe('blank-book leases: one authority', () => {
  it('two print stations never use the same book, online or off; a used-up lease says so', async () => {
    const dataDir = tempDir('loket-office-');
    const o = await bed.office({ dataDir });
    const a = await bed.station(o, 'Cetak A');
    const b = await bed.station(o, 'Cetak B');
    const pa = parts(a);
    const pb = parts(b);

    // The delivery is recorded at A's desk and reaches the office (and B) by replication.
    pa.stock.receive(OFFICER, { reference: 'SP-2026-117', series: 'elektronik', first: serials[0]!, last: serials.at(-1)! });
    await a.link.sync();
    await b.link.sync();
    expect(b.store.stock.countsByState().in_stock).toBe(40);

    // Paired without a lease: nothing may be assigned, and the sentence says why.
    expect(reasonOf(() => pb.stock.move(OFFICER, serials[0]!, 'assign', { appointmentId: 'x', at: new Date(b.clock.ms).toISOString() }))).toBe('lease_used_up');
    // An unpaired station works as today, from its own stock.
    const lone = openStore();
    const loneStock = new StockService(lone.store, () => new Date(lone.clock.ms));
    loneStock.receive(OFFICER, { reference: 'SP-LONE', series: 'elektronik', first: 'C2000001', last: 'C2000002' });
    expect(loneStock.move(OFFICER, 'C2000001', 'assign', { appointmentId: 'y', at: new Date(lone.clock.ms).toISOString() }).state).toBe('assigned');
    lone.store.close();

    // Both ask at once, 15 each: the office hands out two disjoint sets.
    const [va, vb] = await Promise.all([pa.leases.request(OFFICER, 'elektronik', 15), pb.leases.request(OFFICER, 'elektronik', 15)]);
    const heldA = a.store.bookLeases.leases().flatMap((l) => l.serials);
    const heldB = b.store.bookLeases.leases().flatMap((l) => l.serials);
    expect(va.left).toBe(15);
    expect(vb.left).toBe(15);
    expect(heldA.filter((s) => heldB.includes(s))).toEqual([]);
    const leases = await listLeases(o.pool);
    expect(leases.map((l) => [l.stationId, l.held]).sort()).toEqual([[a.store.stationId, 15], [b.store.stationId, 15]].sort());

    // The office goes away; both print rooms work through the same pile at the same time.
    await o.stop();
    const [ra, rb] = await Promise.all([printFromPile(a, pa.stock, serials), printFromPile(b, pb.stock, [...serials].reverse())]);
    expect(ra.printed.sort()).toEqual([...heldA].sort());
    expect(rb.printed.sort()).toEqual([...heldB].sort());
    expect(ra.printed.filter((s) => rb.printed.includes(s))).toEqual([]);
    // Once its own books are used, each station says its lease is used up.
    expect(ra.refusals.at(-1)).toBe('lease_used_up');
    expect(rb.refusals.at(-1)).toBe('lease_used_up');
    expect(pa.leases.view().left).toBe(0);
    // Offline, a new lease cannot be had: the sentence says the office cannot be reached.
    await expect(pa.leases.request(OFFICER, 'elektronik', 5)).rejects.toMatchObject({ params: { reason: 'office_unreachable' } });

    // The office is back: every assignment reaches it, and no serial was assigned twice.
    const back = await bed.office({ dataDir, pgUrl: o.pgUrl, port: o.server.port });
    await a.link.sync();
    await b.link.sync();
    const { rows } = await back.pool.query<{ serial: string; n: string }>(
      `SELECT vals->>'serial' AS serial, count(*)::text AS n FROM changes WHERE tbl = 'book_events' AND vals->>'to_state' = 'assigned' GROUP BY 1`);
    expect(rows).toHaveLength(30);
    expect(rows.every((r) => r.n === '1')).toBe(true);

    // B returns its (used) lease and asks again: it gets the ten books nobody held.
    await pb.leases.giveBack(OFFICER, b.store.bookLeases.leases()[0]!.id);
    const again = await pb.leases.request(OFFICER, 'elektronik', 15);
    expect(again.left).toBe(10);
    expect(b.store.bookLeases.leases()[0]!.serials.filter((s) => heldA.includes(s) || heldB.includes(s))).toEqual([]);
    // Asking when the office has none left is refused with the office's sentence.
    await expect(pa.leases.request(OFFICER, 'elektronik', 5)).rejects.toMatchObject({ params: { reason: 'lease_no_books' } });

    for (const reason of ['lease_used_up', 'book_not_leased', 'lease_no_books', 'lease_not_found']) {
      expect((en.error.reason as Record<string, string>)[reason]).toBeTruthy();
      expect((id.error.reason as Record<string, string>)[reason]).toBeTruthy();
    }
  }, 120_000);
});
