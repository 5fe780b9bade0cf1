// twenty_stations_push_p95_ms / twenty_stations_service_cpu_percent: twenty stations, each
// with its own SQLite store, pushing with the station's own OfficeLink twice a second and
// pulling on the office's live signal (SimulatedStation below), each behind its own simulated 2 Mbit/s link, run a day's
// load — 200 applicants, 10 per station — against one office service in its own process
// (so its CPU is its own: utime + stime from /proc). The day is compressed into
// BENCH_TWENTY_SECONDS (the figure says by how much); per applicant its enrolment's image
// bytes (≈ 3.1 MB) hold the station's upstream meanwhile, in 4 kB chunks, since the blob
// transfer itself is not in this branch. Push time = one push request, sent to answered.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { OfficeLink, officeRequest } from '../../electron/services/office-link';
import { PinnedAgent } from '../../native/drivers/escl/pinned-https';
import { openPool } from '../../office/db';
import { createDatabase, startPostgres } from '../helpers/postgres';
import { applicantAtCounter, ENROLMENT_IMAGE_BYTES, pairedStore } from '../helpers/office-stations';
import { throttledLink, type ThrottledLink } from '../helpers/throttled-link';
import { tempDir, type TestStore } from '../helpers/stores';
import { median, percentile, round } from './stats';

const STATIONS = 20;
const APPLICANTS = 200;
const SECONDS = Number(process.env.BENCH_TWENTY_SECONDS ?? 180);
const DAY_SECONDS = 8 * 3600;
const LINK_BITS_PER_SECOND = 2_000_000;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * A station as the office sees it: the station's own push (OfficeLink, twice a second when
 * something waits) and a pull of every page when the office's live channel says something
 * changed. The pulled pages are read and dropped, not applied: applying every other
 * station's changes is twenty PCs' work at an office, which this one 2-core machine cannot
 * do beside the office without measuring itself. The office serves the same fan-out.
 */
class SimulatedStation {
  running = false;
  private timer: NodeJS.Timeout | null = null;
  private live: WebSocket | null = null;
  private watermark = '';
  private pullWanted = true;
  private readonly link: OfficeLink;
  constructor(private readonly s: TestStore, private readonly pushMs: number[]) { this.link = new OfficeLink(s.store); }
  start(): void {
    const cfg = this.s.store.officeLink.link()!;
    this.live = new WebSocket(cfg.url.replace(/^https:/, 'wss:') + '/v1/live', { agent: new PinnedAgent(cfg.certSha256, false), headers: { authorization: `Bearer ${cfg.credential}` } });
    this.live.on('message', () => { this.pullWanted = true; });
    this.live.on('error', () => undefined);
    this.timer = setInterval(() => { void this.tick(); }, 500);
  }
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.live?.terminate();
  }
  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.s.store.changes.count() > 0) {
        const t0 = performance.now();
        await this.link.pushOnce();
        this.pushMs.push(performance.now() - t0);
      }
      const cfg = this.s.store.officeLink.link()!;
      while (this.pullWanted) {
        this.pullWanted = false;
        const page = await officeRequest<{ watermark: string; more: boolean }>(cfg.url, cfg.certSha256, 'GET', `/v1/pull${this.watermark ? `?after=${this.watermark}` : ''}`, undefined, cfg.credential);
        this.watermark = page.watermark;
        if (page.more) this.pullWanted = true;
      }
    } catch { /* tried again at the next tick */ } finally {
      this.running = false;
    }
  }
}

/** CPU seconds a process has used (user + system), from /proc/<pid>/stat. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function officeProcess(pgUrl: string): Promise<{ pid: number; port: number; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'office/cli.ts', 'serve', '--pg', pgUrl, '--port', '0', '--host', '127.0.0.1', '--data', tempDir('loket-office-')],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /listening on https:\/\/[^:]+:(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.stderr!.on('data', (b: Buffer) => { out += b.toString(); });
    child.once('exit', (c) => reject(new Error(`office service exited (${c}): ${out}`)));
  });
  return {
    pid: child.pid!, port,
    async stop() {
      if (child.exitCode !== null) return;
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await gone;
    },
  };
}

export async function officeTwenty(): Promise<Record<string, unknown>> {
  const pgServer = await startPostgres();
  const pgUrl = await createDatabase(pgServer.url, 'twenty');
  const office = await officeProcess(pgUrl);
  const pool = openPool(pgUrl, 2);
  const links: ThrottledLink[] = [];
  const stations: { s: TestStore; svc: SimulatedStation }[] = [];
  const pushMs: number[] = [];
  const images: Promise<void>[] = [];
  let logged = 0;
  try {
    for (let k = 0; k < STATIONS; k++) {
      const link = await throttledLink({ host: '127.0.0.1', port: office.port }, LINK_BITS_PER_SECOND);
      links.push(link);
      const s = await pairedStore(pool, link.url, `loket ${k + 1}`);
      const svc = new SimulatedStation(s, pushMs);
      stations.push({ s, svc });
    }
    for (const { svc } of stations) svc.start();
    await new Promise((r) => setTimeout(r, 2000));
    const cpu0 = cpuSeconds(office.pid);
    const t0 = performance.now();
    const perStation = APPLICANTS / STATIONS;
    const gap = (SECONDS * 1000) / perStation;
    const day = stations.map(({ s }, k) => (async () => {
      await new Promise((r) => setTimeout(r, (k / STATIONS) * gap));
      for (let i = 0; i < perStation; i++) {
        // One transaction per applicant: twenty stations share this process and its disk
        // here, where at an office each is its own PC; 38 fsyncs each would measure the
        // bench machine's disk, not the link or the office.
        const before = s.store.changes.count();
        s.store.tx(() => applicantAtCounter(s, k * 1000 + i, new Date().toISOString()));
        logged += s.store.changes.count() - before;
        images.push(links[k]!.occupy(ENROLMENT_IMAGE_BYTES.reduce((a, b) => a + b, 0), 4096));
        await new Promise((r) => setTimeout(r, gap));
      }
    })());
    await Promise.all(day);
    // Until every station has sent everything (or a minute more).
    const end = Date.now() + 60_000;
    while (stations.some(({ s }) => s.store.changes.count() > 0) && Date.now() < end) await new Promise((r) => setTimeout(r, 200));
    const elapsed = (performance.now() - t0) / 1000;
    const cpu = cpuSeconds(office.pid) - cpu0;
    const { rows } = await pool.query<{ n: string }>("SELECT count(*) AS n FROM changes WHERE station_id <> 'office'");
    const waiting = stations.reduce((n, { s }) => n + s.store.changes.count(), 0);
    return {
      twenty_stations_push_p95_ms: round(percentile(pushMs, 95), 0),
      twenty_stations_push_median_ms: round(median(pushMs), 0),
      twenty_stations_pushes: pushMs.length,
      twenty_stations_service_cpu_percent: round((cpu / elapsed) * 100, 1),
      twenty_stations_service_cpu_seconds: round(cpu, 2),
      twenty_stations_service_cpu_percent_at_real_pace: round((cpu / DAY_SECONDS) * 100, 3),
      twenty_stations_day_compressed_into_s: round(elapsed, 0),
      twenty_stations_changes: logged,
      twenty_stations_changes_at_office: Number(rows[0]!.n),
      twenty_stations_still_waiting: waiting,
      twenty_stations_goal: 'push p95 < 200 ms, service < 50 % of one core (the office process only, not PostgreSQL; over the compressed day; image bytes as link occupancy)',
    };
  } finally {
    await Promise.allSettled(images);
    for (const { svc } of stations) svc.stop();
    // A sync already under way finishes before its store closes.
    const busy = () => stations.some(({ svc }) => svc.running);
    for (let i = 0; i < 100 && busy(); i++) await new Promise((r) => setTimeout(r, 100));
    for (const { s } of stations) s.store.close();
    for (const l of links) await l.close();
    await pool.end();
    await office.stop();
    await pgServer.stop();
  }
}
