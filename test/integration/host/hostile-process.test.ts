// The browser-host process as the officer runs it (`npm run station`, from source): the
// requests that used to end it (`//a:99999/`, a raw absolute-form upgrade, an over-limit
// WebSocket message) leave it serving; `npm run station:address` gets a fresh address from
// it through a 0600 file in the data directory; a used address is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { MAX_MESSAGE_BYTES } from '../../../electron/host';
import { ADDRESS_FILE } from '../../../electron/host-address-file';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');

let child: ChildProcessWithoutNullStreams;
let dataDir: string;
let output = '';
let firstUrl = '';

function tsx(script: string, args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [TSX, path.join(ROOT, script), ...args], { cwd: ROOT });
}

function run(script: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = tsx(script, args);
    let stdout = '', stderr = '';
    p.stdout.on('data', (c: Buffer) => { stdout += c.toString(); });
    p.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
    p.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const alive = () => child.exitCode === null && child.signalCode === null;
const port = () => Number(new URL(firstUrl).port);

function raw(text: string): Promise<string> {
  return new Promise((resolve) => {
    const s = net.connect(port(), '127.0.0.1');
    let reply = '';
    const done = () => { s.destroy(); resolve(reply); };
    s.on('data', (c) => { reply += c.toString('latin1'); });
    s.on('close', done);
    s.on('error', done);
    setTimeout(done, 1500);
    s.write(text);
  });
}

const exchange = (url: string) => fetch(`http://127.0.0.1:${port()}/session`, {
  method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: new URL(url).searchParams.get('code') }),
});

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'loket-proc-'));
  const renderer = path.join(dataDir, 'renderer');
  mkdirSync(renderer);
  writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Loket</title>');
  const store = path.join(dataDir, 'store');
  child = tsx('electron/cli/station.ts', ['--data-dir', store, '--no-simulators', '--port', '0', '--renderer-dir', renderer]);
  child.stdout.on('data', (c: Buffer) => { output += c.toString(); });
  child.stderr.on('data', (c: Buffer) => { output += c.toString(); });
  firstUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no LOKET_URL:\n${output}`)), 30_000);
    child.stdout.on('data', () => {
      const m = /^LOKET_URL=(\S+)$/m.exec(output);
      if (m?.[1]) { clearTimeout(timer); resolve(m[1]); }
    });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`station exited (${code}):\n${output}`)); });
  });
}, 40_000);

afterAll(async () => {
  if (child && alive()) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the browser-host process', () => {
  it('prints an address with a one-time code, not a token', () => {
    expect(firstUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?code=[A-Za-z0-9_-]{22}$/);
    expect(output).not.toMatch(/token=/);
  });

  it('keeps serving after the requests that used to end it', async () => {
    expect(await raw(`GET //a:99999/ HTTP/1.1\r\nHost: 127.0.0.1:${port()}\r\n\r\n`)).toMatch(/^HTTP\/1\.1 400/);
    expect(await raw(`GET http://a:b:c/ws HTTP/1.1\r\nHost: 127.0.0.1:${port()}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`)).toMatch(/^HTTP\/1\.1 400/);
    expect(await raw(`GET /%E0%A4%A HTTP/1.1\r\nHost: 127.0.0.1:${port()}\r\n\r\n`)).toMatch(/^HTTP\/1\.1 400/);
    // An over-limit message closes that connection with 1009, and only that one.
    const { credential } = (await (await exchange(firstUrl)).json()) as { credential: string };
    const ws = new WebSocket(`ws://127.0.0.1:${port()}/ws`, ['loket.v1', `loket.credential.${credential}`]);
    await new Promise((r) => ws.once('open', r));
    const code = new Promise<number>((r) => ws.once('close', (c) => r(c)));
    ws.send('x'.repeat(MAX_MESSAGE_BYTES + 1));
    expect(await code).toBe(1009);
    expect(alive()).toBe(true);
    expect((await fetch(`http://127.0.0.1:${port()}/`)).status).toBe(200);
    // What it logged names classes, never the input.
    expect(output).not.toMatch(/xxxxxxxx/);
  }, 60_000);

  it('gives a fresh address through a file only the user can read; a used one is refused', async () => {
    const file = path.join(dataDir, 'store', ADDRESS_FILE);
    expect(existsSync(file)).toBe(true);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    const r = await run('electron/cli/station-address.ts', ['--data-dir', path.join(dataDir, 'store')]);
    expect(r.code, r.stderr).toBe(0);
    const fresh = /^LOKET_URL=(\S+)$/m.exec(r.stdout)?.[1];
    expect(fresh).toMatch(/\?code=/);
    expect(fresh).not.toBe(firstUrl);
    expect((await exchange(fresh!)).status).toBe(200);
    expect((await exchange(fresh!)).status).toBe(403);
    expect((await exchange(firstUrl)).status).toBe(403);
  }, 60_000);

  it('station:address says so when no station runs for a data directory', async () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'loket-none-'));
    const r = await run('electron/cli/station-address.ts', ['--data-dir', empty]);
    rmSync(empty, { recursive: true, force: true });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no browser host is running/);
  }, 30_000);

  it('removes the address file when it stops', async () => {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
    expect(existsSync(path.join(dataDir, 'store', ADDRESS_FILE))).toBe(false);
  }, 30_000);
});
