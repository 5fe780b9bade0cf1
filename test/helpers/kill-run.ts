// kill -9 at random moments of a scripted renewal, then start again on the same data
// directory and check that nothing confirmed was lost and nothing was doubled.
//
// One applicant per kill: the renewal (resumable-renewal.ts) runs through the browser-host
// process over its WebSocket; at a random moment inside a chosen step (a fraction of that
// step's duration, measured on an unkilled first applicant) the process gets SIGKILL. With
// the station dead, the SQLite file is checked by Debian's sqlite3 (`PRAGMA
// integrity_check`). The station starts again, the officer logs in and opens the applicant:
// every fact confirmed on screen before the step that was running must be there unchanged,
// the enrolment must stand at that step (or the next, when the running call had committed),
// the audit chain must verify (`audit.verify`), and the renewal is finished from where it
// stands. Finally each applicant's audit rows and blobs, counted per action and kind, must
// equal the unkilled applicant's: a doubled photo, page, finger or submit shows there.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seededRandom } from '../../native/sim/prng';
import { DB_FILE_NAME } from '../../electron/store/file-names';
import type { AuditVerifyResult, EnrolmentView, SessionInfo } from '../../electron/contract-types';
import { ADMIN } from './station';
import { SUPERVISOR } from './enrolment-steps';
import { addWalkIn, confirmedFacts, currentStep, doStep, RESUMABLE_STEPS, stepDone, type ResumableStep } from './resumable-renewal';
import { connectTab, startStationProcess, type StationProcess, type TabClient } from './station-process';

/** The steps the first kills aim at, in this order: mid-scan, mid-photo save, mid-capture, mid-submit. */
const FIRST_TARGETS: ResumableStep[] = ['documents', 'photo', 'fingers', 'submit'];

/**
 * The call a kill aimed at a step lands in: the timer starts when it is sent and runs a
 * random part of its round trip on the unkilled applicant. The fingers step has no one call
 * (the reader captures between them): its kill lands anywhere in the step.
 */
const AIM_CALL: Record<ResumableStep, string | null> = {
  open: 'enrolment.open', mrz: 'enrolment.attachMrz', identity: 'enrolment.confirmIdentity', details: 'enrolment.overridePayment',
  service: 'enrolment.saveService', documents: 'documents.scan', photo: 'photo.save', fingers: null, signature: 'signature.crop', submit: 'enrolment.submit',
};

export interface KillOutcome {
  applicant: number;
  /** The step the kill aimed at, and when (ms after that step began). */
  aimedAt: ResumableStep;
  delayMs: number;
  /** The step running and the calls still unanswered when the process died. */
  during: ResumableStep | 'after_submit';
  callsInFlight: string[];
  /** Where the enrolment stood after the restart. */
  resumedAt: ResumableStep | null;
  problems: string[];
}

export interface KillRunResult {
  seed: number;
  kills: number;
  /** Kills after which something was lost, doubled or broken. */
  losses: number;
  outcomes: KillOutcome[];
  /** Each step's duration on the unkilled applicant (ms). */
  stepMs: Record<string, number>;
}

function sqlite(file: string, sql: string): string {
  // umask 077: the CLI must leave -wal/-shm as the station made them (0600), or it refuses to start.
  const r = spawnSync('sh', ['-c', 'umask 077; exec sqlite3 -json "$0" "$1"', file, sql], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`sqlite3 failed: ${r.stderr}`);
  return r.stdout.trim();
}

function integrity(file: string): string {
  const rows = JSON.parse(sqlite(file, 'PRAGMA integrity_check') || '[]') as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check).join('; ');
}

/** Audit rows per action and blobs per kind that name this applicant. */
function counts(file: string, appointmentId: string): Record<string, number> {
  if (!/^[0-9a-f-]{36}$/.test(appointmentId)) throw new Error('not an id');
  const rows = JSON.parse(sqlite(file, `
    SELECT 'audit:' || action AS k, count(*) AS n FROM audit WHERE detail LIKE '%${appointmentId}%' GROUP BY action
    UNION ALL SELECT 'blob:' || kind, count(*) FROM blobs WHERE owner_id = '${appointmentId}' GROUP BY kind
    UNION ALL SELECT 'enrolments', count(*) FROM enrolments WHERE appointment_id = '${appointmentId}'`) || '[]') as { k: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.k, r.n]));
}

/** Blob ids of this applicant that its enrolment does not show (an image stored twice, or half a step). */
function orphanBlobs(file: string, v: EnrolmentView): string[] {
  const shown = new Set<string>([
    ...v.documents.map((d) => d.blobId), ...(v.photo ? [v.photo.blobId] : []), ...(v.signature ? [v.signature.blobId] : []),
    ...v.fingerprints.flatMap((f) => [f.blobId, f.templateBlobId ?? null]).filter((x): x is string => Boolean(x)),
  ]);
  const rows = JSON.parse(sqlite(file, `SELECT id FROM blobs WHERE owner_id = '${v.appointment.id}'`) || '[]') as { id: string }[];
  return rows.map((r) => r.id).filter((id) => !shown.has(id));
}

interface Tab extends TabClient {
  /** Calls sent and not yet answered, by method. */
  inFlight: Map<number, string>;
  /** Told as each call is sent, and as it is answered (with its round trip in ms). */
  onCall?: (method: string) => void;
  onAnswer?: (method: string, ms: number) => void;
}

async function openTab(st: StationProcess, first: boolean): Promise<Tab> {
  const tab = await connectTab(st.url);
  let n = 0;
  const tracked: Tab = {
    ...tab,
    inFlight: new Map(),
    call: (method, input, requestId) => {
      const id = n++;
      tracked.inFlight.set(id, method);
      tracked.onCall?.(method);
      const t0 = performance.now();
      return tab.call(method, input, requestId).finally(() => {
        tracked.inFlight.delete(id);
        tracked.onAnswer?.(method, performance.now() - t0);
      });
    },
  };
  if (first) {
    const me = await tab.ok<SessionInfo>('setup.createFirstAdmin', ADMIN);
    await tab.ok('officers.update', { id: me.officerId, roles: ['admin', 'counter'] });
    await tab.ok('officers.create', { ...SUPERVISOR, roles: ['supervisor'] });
  } else {
    await tab.ok('auth.login', { nip: ADMIN.nip, password: ADMIN.password });
  }
  return tracked;
}

const view = (tab: TabClient, appointmentId: string) => tab.ok<EnrolmentView>('enrolment.get', { appointmentId });

/** Runs the renewal from where it stands to the submit; `onStep` is told as each step begins. */
async function finish(tab: Tab, appointmentId: string, tag: string, onStep?: (step: ResumableStep, before: EnrolmentView) => void): Promise<void> {
  for (let guard = 0; guard < RESUMABLE_STEPS.length * 2; guard++) {
    const v = await view(tab, appointmentId);
    const step = currentStep(v);
    if (!step) return;
    onStep?.(step, v);
    await doStep(tab, appointmentId, step, tag);
  }
  throw new Error('the renewal did not come to its end');
}

interface Aim { step: ResumableStep; fraction: number }

/**
 * The kills, in the order they happen: the first four at FIRST_TARGETS, the rest at random
 * steps. Several kills go to one applicant while each aims at a later step than the last.
 */
function planKills(kills: number, random: () => number): Aim[][] {
  const aims: Aim[] = Array.from({ length: kills }, (_, k) => ({
    step: k < FIRST_TARGETS.length ? FIRST_TARGETS[k]! : RESUMABLE_STEPS[Math.floor(random() * RESUMABLE_STEPS.length)]!,
    fraction: random(),
  }));
  const applicants: Aim[][] = [];
  for (const aim of aims) {
    const cur = applicants.at(-1);
    const last = cur?.at(-1);
    if (cur && last && RESUMABLE_STEPS.indexOf(aim.step) > RESUMABLE_STEPS.indexOf(last.step)) cur.push(aim);
    else applicants.push([aim]);
  }
  return applicants;
}

export async function killRun(opts: { kills: number; seed: number; log?: (line: string) => void }): Promise<KillRunResult> {
  const log = opts.log ?? (() => undefined);
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'loket-kill-'));
  const dataDir = path.join(workDir, 'data');
  const file = path.join(dataDir, DB_FILE_NAME);
  let st = await startStationProcess(dataDir, workDir);
  const outcomes: KillOutcome[] = [];
  try {
    let tab = await openTab(st, true);
    // The unkilled applicant: each step's and each aimed call's duration, and the rows a renewal leaves.
    const stepMs: Record<string, number> = {};
    const callMs: Record<string, number> = {};
    const clean = await addWalkIn(tab, 0);
    let began = 0;
    let last: ResumableStep | null = null;
    // The quickest answer of each method: the first calls pay for loading modules, and a kill timed by them lands after the call.
    tab.onAnswer = (method, ms) => { callMs[method] = Math.min(callMs[method] ?? Infinity, ms); };
    await finish(tab, clean.id, 'clean', (step) => {
      const now = performance.now();
      if (last) stepMs[last] = now - began;
      last = step;
      began = now;
    });
    if (last) stepMs[last] = performance.now() - began;
    tab.onAnswer = undefined;
    const expected = counts(file, clean.id);

    let kill = 0;
    for (const [n, aims] of planKills(opts.kills, seededRandom(opts.seed)).entries()) {
      const a = await addWalkIn(tab, n + 1);
      for (const aim of aims) {
        kill++;
        const aimed = AIM_CALL[aim.step];
        const delayMs = Math.round(aim.fraction * ((aimed ? callMs[aimed] : stepMs[aim.step]) ?? 200));
        let running: { step: ResumableStep | 'after_submit'; before: EnrolmentView } | null = null;
        let timer: NodeJS.Timeout | undefined;
        let callsInFlight: string[] = [];
        const current = tab;
        const killed = new Promise<void>((resolve) => {
          const fire = () => {
            if (timer === undefined) timer = setTimeout(() => undefined, 0);
            callsInFlight = [...current.inFlight.values()];
            void st.kill9().then(resolve);
          };
          const arm = () => { if (timer === undefined) timer = setTimeout(fire, delayMs); };
          current.onCall = (method) => { if (running?.step === aim.step && method === aimed) arm(); };
          const onStep = (step: ResumableStep, before: EnrolmentView) => {
            running = { step, before };
            // Aimed at a step already behind (the applicant stands past it): die at once.
            if (RESUMABLE_STEPS.indexOf(step) > RESUMABLE_STEPS.indexOf(aim.step)) arm();
            if (step === aim.step && aimed === null) arm();
          };
          finish(current, a.id, `a${n}`, onStep).then(async () => {
            // Done before the moment came: the kill lands on an idle station, after the submit.
            running = { step: 'after_submit', before: await view(current, a.id) };
            if (timer === undefined) fire();
          }, () => undefined);
        });
        await killed;
        const at = running as unknown as { step: ResumableStep | 'after_submit'; before: EnrolmentView };
        const problems: string[] = [];
        const check = integrity(file);
        if (check !== 'ok') problems.push(`integrity_check: ${check}`);

        st = await startStationProcess(dataDir, workDir);
        tab = await openTab(st, false);
        let after = await view(tab, a.id);
        if (after.appointment.status === 'in_enrolment') after = await tab.ok<EnrolmentView>('enrolment.open', { appointmentId: a.id });
        const was = confirmedFacts(at.before);
        const now = confirmedFacts(after);
        for (const s2 of RESUMABLE_STEPS) {
          if (s2 === at.step) continue;
          if (was[s2] !== now[s2]) problems.push(`${s2}: confirmed ${was[s2]}, after the restart ${now[s2]}`);
        }
        if (at.step !== 'after_submit') {
          // The running step may have gone on, never back: its confirmed pages and fingers stay.
          if (at.step === 'documents' || at.step === 'fingers') {
            const list = (x: string) => (JSON.parse(x) as unknown[]).map((e) => JSON.stringify(e));
            const [b, m] = [list(was[at.step]), list(now[at.step])];
            if (b.some((x) => !m.includes(x))) problems.push(`${at.step}: confirmed ${was[at.step]}, after the restart ${now[at.step]}`);
          }
          const resumed = currentStep(after);
          const i = RESUMABLE_STEPS.indexOf(at.step);
          const j = resumed === null ? RESUMABLE_STEPS.length : RESUMABLE_STEPS.indexOf(resumed);
          if (j < i || j > i + 1 || (j === i + 1 && !stepDone(after, at.step))) problems.push(`was at ${at.step}, reopened at ${resumed ?? 'submitted'}`);
        }
        const chain = await tab.ok<AuditVerifyResult>('audit.verify');
        if (!chain.ok) problems.push(`audit chain: ${chain.problem} at row ${chain.brokenAt}`);
        const resumedAt = currentStep(after);
        outcomes.push({ applicant: n + 1, aimedAt: aim.step, delayMs, during: at.step, callsInFlight, resumedAt, problems });
        log(`kill ${kill}/${opts.kills} (applicant ${n + 1}): aimed at ${aim.step} +${delayMs} ms, died during ${at.step} [${callsInFlight.join(', ')}], reopened at ${resumedAt ?? 'submitted'}${problems.length ? ` — ${problems.join('; ')}` : ' — nothing lost'}`);
      }
      // This applicant's last kill is behind: finish the renewal, then count what it left.
      const problems = outcomes.at(-1)!.problems;
      try {
        await finish(tab, a.id, `a${n}-end`);
      } catch (err) {
        problems.push(`could not finish after the restart: ${(err as Error).message}`);
      }
      const final = await view(tab, a.id);
      const orphans = orphanBlobs(file, final);
      if (orphans.length) problems.push(`blobs the enrolment does not show: ${orphans.length}`);
      // A receipt owed by a submit the kill interrupted prints just after the restart: wait for it a little.
      let got = counts(file, a.id);
      const same = (x: Record<string, number>) => [...new Set([...Object.keys(expected), ...Object.keys(x)])].every((k) => (x[k] ?? 0) === (expected[k] ?? 0));
      for (let wait = 0; wait < 50 && !same(got); wait++) {
        await new Promise((r) => setTimeout(r, 100));
        got = counts(file, a.id);
      }
      for (const key of new Set([...Object.keys(expected), ...Object.keys(got)])) {
        if ((got[key] ?? 0) !== (expected[key] ?? 0)) problems.push(`${key}: ${got[key] ?? 0} rows, an unkilled renewal has ${expected[key] ?? 0}`);
      }
      if (problems.length) log(`applicant ${n + 1} after its last kill: ${problems.join('; ')}`);
    }
    tab.close();
    return { seed: opts.seed, kills: opts.kills, losses: outcomes.filter((o) => o.problems.length > 0).length, outcomes, stepMs: { ...stepMs, ...Object.fromEntries(Object.entries(callMs).map(([k, v]) => [`call:${k}`, v])) } };
  } catch (err) {
    throw new Error(`${(err as Error).message}\n--- station output ---\n${st.output().slice(-4000)}`);
  } finally {
    await st.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}
