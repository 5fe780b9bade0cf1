// Test helpers: a real station on a fresh data directory (a real SQLite file), with an
// adjustable clock, driven through the same sessions the hosts use.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createStation } from '../../electron/station';
import { fileKeyProvider } from '../../electron/key-providers';
import type { Station, StationSession } from '../../electron/station-types';
import type { MethodName, Result, EventName } from '../../electron/contract';

export interface TestStation {
  station: Station;
  dataDir: string;
  clock: { now: Date; advanceMinutes(m: number): void };
  session(): TestSession;
  close(): Promise<void>;
}

export interface TestSession {
  raw: StationSession;
  events: { event: EventName; payload: unknown }[];
  call(method: MethodName | string, input?: unknown): Promise<Result<unknown>>;
  /** Calls and expects success; returns the value. */
  ok<T = unknown>(method: MethodName, input?: unknown): Promise<T>;
}

export async function openTestStation(opts: { demo?: boolean; simulators?: boolean; start?: Date; dataDir?: string } = {}): Promise<TestStation> {
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'loket-test-'));
  const clock = {
    now: opts.start ?? new Date('2026-11-23T09:00:00+07:00'),
    advanceMinutes(m: number) { clock.now = new Date(clock.now.getTime() + m * 60_000); },
  };
  const station = await createStation({ dataDir, keyProvider: fileKeyProvider(), demo: opts.demo, simulators: opts.simulators, now: () => clock.now });
  return {
    station, dataDir, clock,
    session() {
      const raw = station.openSession();
      const events: TestSession['events'] = [];
      raw.onEvent((event, payload) => events.push({ event, payload }));
      const call = (method: string, input: unknown = {}) => raw.call(method, input);
      return {
        raw, events, call,
        async ok<T>(method: MethodName, input: unknown = {}) {
          const r = await call(method, input);
          if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
          return r.value as T;
        },
      };
    },
    async close() {
      await station.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const ADMIN = { name: 'Admin Kantor', nip: '198001012005011001', password: 'rahasia-admin-1' };
export const OFFICER = { name: 'Sari Petugas', nip: '199002022015022002', password: 'rahasia-loket-2' };

/** The station's first administrator, then a counter officer (OFFICER) whose logged-in session this is. */
export async function counterOfficerSession(t: TestStation): Promise<TestSession> {
  const admin = t.session();
  await admin.ok('setup.createFirstAdmin', ADMIN);
  await admin.ok('officers.create', { ...OFFICER, roles: ['counter'] });
  const s = t.session();
  await s.ok('auth.login', { nip: OFFICER.nip, password: OFFICER.password });
  return s;
}
