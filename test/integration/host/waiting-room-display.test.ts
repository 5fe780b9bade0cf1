// The waiting-room display's socket: opened with the display's own read-only token (never an
// officer's credential), it receives the day's latest calls — queue numbers and counters,
// no name — and a new list at every call; it cannot call a method, and a wrong token, an
// officer's credential or another origin opens nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { startBrowserHost, type BrowserHost } from '../../../electron/host';
import { openTestStation, ADMIN, OFFICER, type TestSession, type TestStation } from '../../helpers/station';
import { toCsv, validRecords } from '../../helpers/appointment-files';
import type { AppointmentRow, DisplayAddress, QueueCallResult, QueueView, SetupStatus } from '../../../electron/contract-types';

let t: TestStation;
let host: BrowserHost;
let officer: TestSession;

beforeAll(async () => {
  t = await openTestStation();
  host = await startBrowserHost({ station: t.station, rendererDir: mkdtempSync(path.join(os.tmpdir(), 'loket-r-')), log: () => undefined });
  const admin = t.session();
  await admin.ok('setup.createFirstAdmin', ADMIN);
  await admin.ok('officers.create', { ...OFFICER, roles: ['counter'] });
  officer = t.session();
  await officer.ok('auth.login', { nip: OFFICER.nip, password: OFFICER.password });
});
afterAll(async () => { await host.close(); await t.close(); });

interface Opened { ws: WebSocket; messages: unknown[]; closed: Promise<number>; opened: Promise<boolean> }

function connect(protocols: string[], origin = `http://127.0.0.1:${host.port}`): Opened {
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/display-ws`, protocols, { origin });
  const messages: unknown[] = [];
  ws.on('message', (m) => messages.push(JSON.parse(String(m))));
  ws.on('error', () => undefined);
  const closed = new Promise<number>((r) => ws.on('close', (code) => r(code)));
  const opened = new Promise<boolean>((r) => { ws.on('open', () => r(true)); ws.on('close', () => r(false)); });
  return { ws, messages, closed, opened };
}

const until = async (ok: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('the waiting-room display socket', () => {
  it('with the display token: today\'s calls, numbers and counters only, live', async () => {
    const { path: where } = await officer.ok<DisplayAddress>('queue.displayAddress', {});
    const token = new URLSearchParams(where.split('#')[1]).get('token')!;
    const d = connect(['loket.display.v1', `loket.display-token.${token}`]);
    expect(await d.opened).toBe(true);
    await until(() => d.messages.length === 1);
    expect(d.messages[0]).toEqual({ t: 'calls', calls: [] });

    const { today } = await officer.ok<SetupStatus>('setup.status', {});
    await officer.ok('import.commit', { fileName: 'day.csv', content: toCsv(validRecords(today, 5)) });
    const rows = (await officer.ok<QueueView>('queue.view', { date: today })).rows;
    await officer.ok<AppointmentRow>('queue.checkIn', { bookingCode: rows[3]!.bookingCode });
    const called = await officer.ok<QueueCallResult>('queue.callNext', {});
    expect(called.row.id).toBe(rows[3]!.id);
    await until(() => d.messages.length === 2);
    expect(d.messages[1]).toEqual({ t: 'calls', calls: [{ queueNumber: 1, counter: '1', calledAt: called.call.calledAt }] });
    expect(JSON.stringify(d.messages)).not.toContain(rows[3]!.fullName);

    // A display can only listen: whatever it sends closes it, and nothing was called.
    d.ws.send(JSON.stringify({ t: 'call', id: 1, m: 'queue.view', i: { date: today } }));
    expect(await d.closed).toBe(1008);
  });

  it('refuses a wrong token, an officer\'s credential, and another origin', async () => {
    const wrong = connect(['loket.display.v1', 'loket.display-token.not-it']);
    expect(await wrong.closed).toBe(4401);
    expect(wrong.messages).toEqual([]);
    const code = new URL(host.newAddress()).searchParams.get('code')!;
    const r = await fetch(`http://127.0.0.1:${host.port}/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
    const { credential } = (await r.json()) as { credential: string };
    const officerCredential = connect(['loket.display.v1', `loket.display-token.${credential}`]);
    expect(await officerCredential.closed).toBe(4401);
    const { path: where } = await officer.ok<DisplayAddress>('queue.displayAddress', {});
    const token = new URLSearchParams(where.split('#')[1]).get('token')!;
    const elsewhere = connect(['loket.display.v1', `loket.display-token.${token}`], 'http://evil.example');
    expect(await elsewhere.opened).toBe(false);
    // And the display token is no officer's credential on the contract socket.
    const asOfficer = new WebSocket(`ws://127.0.0.1:${host.port}/ws`, ['loket.v1', `loket.credential.${token}`], { origin: `http://127.0.0.1:${host.port}` });
    asOfficer.on('error', () => undefined);
    expect(await new Promise<number>((res) => asOfficer.on('close', (c) => res(c)))).toBe(4401);
  });
});
