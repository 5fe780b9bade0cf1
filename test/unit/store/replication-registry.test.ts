// Every table of the schema is accounted for: replicated (electron/store/replication.ts),
// folded into a replicated table, or declared local-only with a reason. A migration that
// adds a table without deciding fails here.
import { afterEach, describe, expect, it } from 'vitest';
import { FOLDED, LOCAL_ONLY, REPLICATED, replicatedColumns } from '../../../electron/store/replication';
import { openStore, removeTempDirs } from '../../helpers/stores';

afterEach(removeTempDirs);

describe('the registry of replicated tables', () => {
  it('covers every table in the schema, and names no table that is not there', () => {
    const { store, db } = openStore();
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    const declared = [...REPLICATED.map((t) => t.table), ...Object.keys(LOCAL_ONLY), ...Object.keys(FOLDED)];
    expect(tables.filter((t) => !declared.includes(t)), 'tables neither replicated nor local-only').toEqual([]);
    expect(declared.filter((t) => !tables.includes(t)), 'declared tables missing from the schema').toEqual([]);
    expect(new Set(declared).size, 'a table declared twice').toBe(declared.length);
    for (const why of Object.values(LOCAL_ONLY)) expect(why.length).toBeGreaterThan(10);
    store.close();
  });

  it('each replicated table has its key, and its local and binary columns exist', () => {
    const { store, db } = openStore();
    for (const t of REPLICATED) {
      const cols = (db.prepare('SELECT name FROM pragma_table_info(?)').all(t.table) as { name: string }[]).map((c) => c.name);
      expect(cols, t.table).toContain(t.key);
      for (const c of [...(t.local ?? []), ...(t.binary ?? [])]) expect(cols, `${t.table}.${c}`).toContain(c);
      const { stored } = replicatedColumns(db, t);
      expect(stored.map((c) => c.name), t.table).toContain(t.key);
      // Every column kept on the station must have a default: a row arriving from another
      // station has no value for it.
      const local = db.prepare('SELECT name, "notnull" AS nn, dflt_value AS d, pk FROM pragma_table_info(?)').all(t.table) as { name: string; nn: number; d: string | null; pk: number }[];
      for (const c of local.filter((x) => (t.local ?? []).includes(x.name) || (t.binary ?? []).includes(x.name))) {
        expect(c.nn === 0 || c.d !== null || c.pk === 1, `${t.table}.${c.name} needs a default or NULL`).toBe(true);
      }
    }
    store.close();
  });
});
