// One office service on a real PostgreSQL and N stations, each with its own SQLite store,
// in one process tree — and the check every fault test ends with: `compareAll()` reads
// every replicated row of every store and every merged row of the office database and
// lists each difference (a row missing on one side, a field that differs, a change the
// office holds twice or not at all). An empty list is "nothing lost, nothing doubled".
import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { OfficeLink, pairWithOffice } from '../../electron/services/office-link';
import { REPLICATED } from '../../electron/store/replication';
import type { Store } from '../../electron/store/store';
import { startOffice, type Office } from '../../office/service';
import type { Pool } from '../../office/db';
import { createPairingCode } from '../../office/stations';
import { createDatabase, type TestPostgres } from './postgres';
import { openStore, rawDb, tempDir, type TestStore } from './stores';

export interface ClusterStation extends TestStore {
  name: string;
  link: OfficeLink;
  dataKey: Buffer;
  /** Changes the office answered "already here" for: each one a push sent again after its answer was lost. */
  duplicates: number;
}

/** The station's link, counting the office's "duplicate" answers into `station.duplicates`. */
function countingLink(station: { store: Store; duplicates: number }): OfficeLink {
  const link = new OfficeLink(station.store);
  const push = link.pushOnce.bind(link);
  link.pushOnce = async (batch) => {
    const r = await push(batch);
    station.duplicates += r.duplicate;
    return r;
  };
  return link;
}

/** A difference between a store and the office, as a line a failing test prints. */
export type Divergence = string;

/** A fresh office database in `pgServer`; its URL. */
export function officeDatabase(pgServer: TestPostgres, prefix = 'cluster'): Promise<string> {
  return createDatabase(pgServer.url, `${prefix}_${randomBytes(5).toString('hex')}`);
}

/** Pairs the store in `s` with the office at `url` (a code made in `pool`, as an administrator would). */
export async function pairStore(store: Store, pool: Pool, url: string, name: string): Promise<void> {
  await pairWithOffice(store, url, (await createPairingCode(pool)).shown, name);
}

export class OfficeCluster {
  readonly stations: ClusterStation[] = [];
  private constructor(readonly office: Office, readonly pgUrl: string) {}

  /** An office service on a new database of `pgServer`, and `clocks.length` stations paired with it. */
  static async start(pgServer: TestPostgres, clocks: number[] = []): Promise<OfficeCluster> {
    const pgUrl = await officeDatabase(pgServer);
    const office = await startOffice({ pgUrl, dataDir: tempDir('loket-office-'), port: 0, host: '127.0.0.1' });
    const cluster = new OfficeCluster(office, pgUrl);
    for (const [i, ms] of clocks.entries()) await cluster.addStation(`Loket ${i + 1}`, ms);
    return cluster;
  }

  /** A new store with its physical clock at `clockMs`, paired through `url` (default: the office itself). */
  async addStation(name: string, clockMs = Date.UTC(2026, 11, 7, 8, 0, 0), url = this.office.server.url): Promise<ClusterStation> {
    const dataKey = randomBytes(32);
    const s = openStore(tempDir(), { ms: clockMs }, { dataKey });
    await pairStore(s.store, this.office.pool, url, name);
    const station = { ...s, name, dataKey, duplicates: 0 } as ClusterStation;
    station.link = countingLink(station);
    this.stations.push(station);
    return station;
  }

  /** Reopens a station's store (a restart), with its physical clock now at `clockMs`. */
  reopen(station: ClusterStation, clockMs = station.clock.ms): ClusterStation {
    station.store.close();
    station.clock.ms = clockMs;
    const s = openStore(station.dir, station.clock, { dataKey: station.dataKey });
    Object.assign(station, s);
    station.link = countingLink(station);
    return station;
  }

  /** From now on the station talks to the office through `url` (a proxy; the pinned certificate stays). */
  routeThrough(station: ClusterStation, url: string): void {
    const cfg = station.store.officeLink.link()!;
    station.store.officeLink.setLink({ ...cfg, url });
  }

  /**
   * Syncs the station until one sync completes, over a link that may fail any attempt;
   * returns how many attempts failed.
   */
  async syncThroughFaults(station: ClusterStation, maxAttempts = 300): Promise<number> {
    let failures = 0;
    for (;;) {
      try {
        await station.link.sync();
        return failures;
      } catch (err) {
        if (++failures >= maxAttempts) throw new Error(`${station.name} could not sync in ${maxAttempts} attempts: ${(err as Error).message}`);
      }
    }
  }

  /** Every station pushes and pulls, in turn, twice (the second round brings the last station's changes to the first). */
  async syncAll(rounds = 2): Promise<void> {
    for (let r = 0; r < rounds; r++) for (const s of this.stations) await s.link.sync();
  }

  compareAll(): Promise<Divergence[]> {
    return compareWithOffice(this.office.pool, this.stations.map((s) => ({ name: s.name, store: s.store })));
  }

  async stop(): Promise<void> {
    for (const s of this.stations.splice(0)) s.store.close();
    await this.office.stop();
  }
}

/**
 * Waits until no transaction of the office database is open but ours. A request from a
 * process that was just killed may still be running in the office; until it ends, a pull
 * holds back everything committed after it began (office/pull.ts), so a comparison made
 * then would report as missing what the next pull brings.
 */
export async function officeQuiet(pool: Pool, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL');
    if (rows[0]!.n === 0) return;
    if (Date.now() > until) throw new Error(`the office database still has ${rows[0]!.n} open transactions after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface OfficeRow { tbl: string; row_id: string; vals: Record<string, unknown>; deleted_hlc: string | null }

/**
 * Every replicated row of every store against the office's merged rows, every field; and
 * every change in each store's log against the office's change table. `parked`: change ids
 * the office set aside (their rows may be missing at the office; listed, not excused).
 */
export async function compareWithOffice(pool: Pool, stores: { name: string; store: Store }[]): Promise<Divergence[]> {
  const out: Divergence[] = [];
  const office = new Map<string, OfficeRow>();
  for (const r of (await pool.query<OfficeRow>('SELECT tbl, row_id, vals, deleted_hlc FROM merged_rows')).rows) office.set(`${r.tbl}/${r.row_id}`, r);
  const changes = await pool.query<{ change_id: string; station_id: string; n: string; vals: unknown; hlc: string }>(
    'SELECT change_id, min(station_id) AS station_id, count(*)::text AS n, min(vals::text)::jsonb AS vals, min(hlc) AS hlc FROM changes GROUP BY change_id');
  const officeChanges = new Map(changes.rows.map((r) => [r.change_id, r]));
  for (const r of changes.rows) if (r.n !== '1') out.push(`office: change ${r.change_id} is held ${r.n} times`);
  const parked = new Set((await pool.query<{ change_id: string }>('SELECT change_id FROM parked_changes WHERE resolved_at IS NULL')).rows.map((r) => r.change_id));

  for (const { name, store } of stores) {
    const db = rawDb(store);
    const seen = new Set<string>();
    for (const def of REPLICATED) {
      const access = store.changes.access(def.table);
      const ids = db.prepare(`SELECT "${def.key}" AS k FROM "${def.table}"`).all() as { k: string }[];
      for (const { k } of ids) {
        const key = `${def.table}/${k}`;
        seen.add(key);
        const here = access.read(k)!;
        const there = office.get(key);
        if (!there) { out.push(`${name}: ${key} is not at the office`); continue; }
        if (there.deleted_hlc) { out.push(`${name}: ${key} was deleted at the office but is still here`); continue; }
        for (const col of new Set([...Object.keys(here), ...Object.keys(there.vals)])) {
          if (!(col in there.vals)) out.push(`${name}: ${key}.${col} is not at the office`);
          else if (!(col in here)) out.push(`${name}: ${key}.${col} is only at the office`);
          else if (!isDeepStrictEqual(here[col], there.vals[col])) out.push(`${name}: ${key}.${col} is ${JSON.stringify(here[col])} here, ${JSON.stringify(there.vals[col])} at the office`);
        }
      }
    }
    for (const [key, row] of office) {
      if (!row.deleted_hlc && !seen.has(key) && REPLICATED.some((d) => key.startsWith(`${d.table}/`))) out.push(`${name}: ${key} is at the office but not here`);
    }
    // The station's own log: each change at the office once (or parked), none unanswered.
    for (const ch of store.changes.all()) {
      const o = officeChanges.get(ch.changeId);
      if (!o) { if (!parked.has(ch.changeId)) out.push(`${name}: its change ${ch.changeId} (${ch.table}/${ch.rowId}) never reached the office`); continue; }
      if (o.hlc !== ch.hlc || !isDeepStrictEqual(o.vals, ch.values)) out.push(`${name}: its change ${ch.changeId} reached the office altered`);
    }
    const unsent = store.changes.count();
    if (unsent > 0) out.push(`${name}: ${unsent} changes still wait to be sent`);
    const waiting = store.remote.waitingCount();
    if (waiting > 0) out.push(`${name}: ${waiting} remote changes wait to be applied`);
  }
  return out;
}
