// The counter's enrolment, in figures (issue 9), under `benches.enrolment`:
//
// - station_ms_median: the station's own time for a complete standard renewal (a paid booking
//   from the demo day: check-in, MRZ, identity, details, old passport, documents, photo, four
//   fingers, signature, submit), with simulated devices answering at once. Summed over the
//   contract calls (in-process: a call's time is the station's), and for each finger from the
//   capture's start until the station has scored it. The simulator trainer's calls (a finger
//   placed) are not the station's and are left out.
// - write_ms_p95: the store's write time in such enrolments with their images — every
//   outermost store transaction (Store.tx: one per confirmed action, each committed with
//   synchronous=FULL), p95 over all of them; their sum per enrolment is reported beside it.
// - paced_wall_over_device_time: the same renewal with simulators as slow as real devices
//   (the ZFM module's bytes at 57,600 baud, counted by its wire; 3 s per scanned page, a quick
//   office flatbed at 300 dpi): wall time from the check-in to the submit's answer ÷ the
//   devices' own time (wire time + pages × page time).
// - kill_runs / kill_losses: 20 kill -9 moments of the renewal through the browser-host
//   process (test/helpers/kill-run.ts), and after how many something was lost or doubled.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createStation } from '../../electron/station';
import { fileKeyProvider } from '../../electron/key-providers';
import { Store } from '../../electron/store/store';
import type { AppointmentRow, EnrolmentView, SessionInfo } from '../../electron/contract-types';
import type { EventName, Result } from '../../electron/contract';
import type { StationOptions } from '../../electron/station-types';
import { ADMIN } from '../helpers/station';
import { type ScriptSession } from '../helpers/enrolment-script';
import { currentStep, doStep } from '../helpers/resumable-renewal';
import { killRun } from '../helpers/kill-run';
import { median, percentile, round } from './stats';

/** Merged with enrolment-keys.bench.ts's figures into one `benches.enrolment` (run.ts). */
export const bench = 'enrolment';

const RUNS = 5;
const PACED_RUNS = 2;
/** 20 by the issue; KILL_RUNS=N for a shorter try. */
const KILLS = Number(process.env.KILL_RUNS ?? 20);
const SCAN_PAGE_MS = 3000;

// Every outermost transaction of the store, timed (nested ones are savepoints inside it).
// Installed only while the station runs are measured: other benches run in this process too.
const txTimes: number[] = [];
function timeTransactions(): () => void {
  let depth = 0;
  const plainTx = Store.prototype.tx;
  Store.prototype.tx = function timedTx<T>(this: Store, fn: () => T): T {
    if (depth > 0) return plainTx.call(this, fn) as T;
    depth++;
    const t0 = performance.now();
    try {
      return plainTx.call(this, fn) as T;
    } finally {
      depth--;
      txTimes.push(performance.now() - t0);
    }
  };
  return () => { Store.prototype.tx = plainTx; };
}

interface Timed extends ScriptSession { stationMs: number; byMethod: Record<string, number> }

async function openStation(extra: Partial<StationOptions> = {}) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'loket-enrol-bench-'));
  const station = await createStation({ dataDir, keyProvider: fileKeyProvider(), demo: true, ...extra });
  const raw = station.openSession();
  const events: { event: EventName; payload: unknown; at: number }[] = [];
  raw.onEvent((event, payload) => events.push({ event, payload, at: performance.now() }));
  const s: Timed = {
    events, stationMs: 0, byMethod: {},
    async call(method, input, requestId) {
      const t0 = performance.now();
      const r: Result<unknown> = await raw.call(method, input ?? {}, requestId);
      if (method !== 'devices.simulate') {
        s.stationMs += performance.now() - t0;
        s.byMethod[method] = (s.byMethod[method] ?? 0) + performance.now() - t0;
      }
      // A finger's capture runs after capture.action answers, until the station has scored it.
      if (method === 'capture.action') {
        const from = events.length;
        const sent = performance.now();
        void waitScored(events, from).then((at) => { s.stationMs += at - sent; s.byMethod['(capture until scored)'] = (s.byMethod['(capture until scored)'] ?? 0) + at - sent; });
      }
      return r;
    },
  };
  const me = (await raw.call('setup.createFirstAdmin', ADMIN)) as Result<SessionInfo>;
  if (!me.ok) throw new Error('no admin');
  await raw.call('officers.update', { id: me.value.officerId, roles: ['admin', 'counter'] });
  const booked = (await raw.call('queue.view', { date: localDate(new Date()) })) as Result<{ rows: AppointmentRow[] }>;
  if (!booked.ok) throw new Error('no queue');
  const renewals = booked.value.rows.filter((r) => r.service === 'replace_expired' && r.paymentStatus === 'paid' && r.status === 'booked');
  return { station, s, renewals, close: async () => { await station.close(); rmSync(dataDir, { recursive: true, force: true }); } };
}

function localDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

async function waitScored(events: { event: EventName; payload: unknown; at: number }[], from: number): Promise<number> {
  for (let i = 0; i < 3000; i++) {
    const e = events.slice(from).find((x) => x.event === 'capture.state' && ['review', 'done', 'error'].includes((x.payload as { state: string }).state));
    if (e) return e.at;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('no capture outcome');
}

/** One renewal, from the check-in to the submit's answer. */
async function renewal(s: Timed, a: AppointmentRow): Promise<void> {
  const ok = async (m: string, i: unknown) => { const r = await s.call(m, i); if (!r.ok) throw new Error(`${m}: ${JSON.stringify(r.error)}`); return r.value; };
  await ok('application.checkIn', { id: a.id });
  for (let guard = 0; guard < 20; guard++) {
    const v = (await ok('enrolment.get', { appointmentId: a.id })) as EnrolmentView;
    const step = currentStep(v);
    if (!step) return;
    await doStep(s, a.id, step, `bench-${a.id}`);
  }
  throw new Error('the renewal did not come to its end');
}

async function stationRuns() {
  const untime = timeTransactions();
  const st = await openStation({ simulators: true });
  const stationMs: number[] = [];
  const writeMs: number[] = [];
  const eachWriteMs: number[] = [];
  const txCounts: number[] = [];
  const byMethod: Record<string, number[]> = {};
  try {
    // One unmeasured renewal: the first pays for loading modules, not for the station's work.
    for (let i = 0; i <= RUNS; i++) {
      const a = st.renewals[i];
      if (!a) throw new Error('the demo day has too few paid renewals');
      st.s.stationMs = 0;
      st.s.byMethod = {};
      txTimes.length = 0;
      await renewal(st.s, a);
      // The last finger's scoring is summed when its event has come.
      await new Promise((r) => setTimeout(r, 50));
      if (i === 0) continue;
      stationMs.push(st.s.stationMs);
      writeMs.push(txTimes.reduce((x, y) => x + y, 0));
      eachWriteMs.push(...txTimes);
      for (const [m, ms] of Object.entries(st.s.byMethod)) (byMethod[m] ??= []).push(ms);
      txCounts.push(txTimes.length);
    }
  } finally {
    await st.close();
    untime();
  }
  return { stationMs, writeMs, eachWriteMs, txCounts, byMethod };
}

async function pacedRuns() {
  let wire: () => number = () => 0;
  const st = await openStation({ simulators: true, pacedSimulators: { scanPageMs: SCAN_PAGE_MS, onFingerprintWire: (w) => { wire = w; } } });
  const ratios: number[] = [];
  const walls: number[] = [];
  const devices: number[] = [];
  try {
    for (let i = 0; i < PACED_RUNS; i++) {
      const a = st.renewals[i]!;
      const wire0 = wire();
      const t0 = performance.now();
      await renewal(st.s, a);
      const wall = performance.now() - t0;
      const v = (await st.s.call('enrolment.get', { appointmentId: a.id })) as Result<EnrolmentView>;
      if (!v.ok) throw new Error('no view');
      const device = wire() - wire0 + v.value.documents.length * SCAN_PAGE_MS;
      walls.push(wall);
      devices.push(device);
      ratios.push(wall / device);
    }
  } finally {
    await st.close();
  }
  return { ratios, walls, devices };
}

export default async function enrolment() {
  const station = await stationRuns();
  const paced = await pacedRuns();
  const kills = await killRun({ kills: KILLS, seed: Number(process.env.KILL_SEED ?? Date.now() % 2 ** 31), log: (l) => process.stderr.write(`  ${l}\n`) });
  const stationMedian = median(station.stationMs);
  const writeP95 = percentile(station.eachWriteMs, 95);
  const ratio = median(paced.ratios);
  return {
    station_runs: RUNS,
    station_ms_median: round(stationMedian, 0),
    station_ms_runs: station.stationMs.map((x) => round(x, 0)),
    station_ms_median_by_call: Object.fromEntries(Object.entries(station.byMethod).map(([m, xs]) => [m, round(median(xs), 0)]).sort((a, b) => Number(b[1]) - Number(a[1]))),
    write_ms_p95: round(writeP95, 1),
    write_ms_per_enrolment_runs: station.writeMs.map((x) => round(x, 1)),
    write_transactions_per_enrolment: median(station.txCounts),
    paced_runs: PACED_RUNS,
    paced_wall_over_device_time: round(ratio, 3),
    paced_wall_ms: paced.walls.map((x) => round(x, 0)),
    paced_device_ms: paced.devices.map((x) => round(x, 0)),
    kill_seed: kills.seed,
    kill_runs: kills.kills,
    kill_losses: kills.losses,
    kill_landed_in: Object.fromEntries([...new Set(kills.outcomes.map((o) => o.during))].map((d) => [d, kills.outcomes.filter((o) => o.during === d).length])),
    station_note: `standard renewal = a paid demo booking, check-in to submit; station time = contract calls in-process + each finger's capture until scored; write = each outermost store transaction (p95), and their sum per enrolment; paced: ZFM at 57,600 baud (wire time counted by the simulator), ${SCAN_PAGE_MS} ms per scanned page`,
    goals: { station_ms_median: 2000, write_ms_p95: 30, paced_wall_over_device_time: 1.2, kill_losses: 0 },
    meets_goal: stationMedian < 2000 && writeP95 < 30 && ratio <= 1.2 && kills.losses === 0,
  };
}
