// The pull's pages follow the changes' numeric commit order, also where a sequence number
// gains a digit. Found by the station kill -9 fault test: the pull sorted by the text of its
// own select list, so in one transaction "1000" came before "961"; a page that ended at
// 1039 moved the watermark past 961–999, and the other station never received them.
import { describe, expect, it } from 'vitest';
import type { Change } from '../../../domain/change-format';
import { storePush } from '../../../office/push';
import { pullChanges, START, type Watermark } from '../../../office/pull';
import { officeTestBed } from '../../helpers/office-stations';

const bed = officeTestBed();

const setting = (n: number): Change => ({
  format: 1, changeId: `st-a:${n}`, stationId: 'st-a', table: 'settings', rowId: `k${n}`, op: 'upsert',
  values: { key: `k${n}`, value: String(n) }, hlc: `00000019${String(n).padStart(4, '0')}-000000-st-a`,
});

describe('pull order', () => {
  it('pages through seq 995–1005 of one transaction without skipping the shorter numbers', async () => {
    const o = await bed.office();
    // The next change takes seq 995; the eleven of one push run across 999 → 1000.
    await o.pool.query("SELECT setval(pg_get_serial_sequence('changes', 'seq'), 994)");
    const pushed = Array.from({ length: 11 }, (_, i) => setting(995 + i));
    expect((await storePush(o.pool, 'st-a', pushed)).every((a) => a.status === 'stored')).toBe(true);
    const { rows } = await o.pool.query<{ seq: string }>("SELECT seq::text AS seq FROM changes WHERE change_id = 'st-a:995'");
    expect(rows[0]!.seq).toBe('995');

    const received: string[] = [];
    let after: Watermark = START;
    for (let page = 0; page < 10; page++) {
      const p = await pullChanges(o.pool, 'st-b', after, 3);
      received.push(...p.changes.map((c) => c.changeId));
      after = p.watermark;
      if (!p.more) break;
    }
    expect(received).toEqual(pushed.map((c) => c.changeId));
    expect(after.seq).toBe('1005');
  }, 60_000);
});
