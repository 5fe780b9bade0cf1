// A real station (fresh SQLite file) behind a real browser host, and the tools the hostile
// suites throw at it: raw TCP requests, raw WebSocket frames, and a check that a normal
// officer's query is still answered afterwards.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { expect } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../../electron/host';
import { openTestStation, type TestStation } from '../../helpers/station';
import type { WsServerMessage } from '../../../electron/bridge-types';

export interface Hostile {
  t: TestStation;
  host: BrowserHost;
  base: string;
  /** What the host logged (error classes only). */
  logged: string[];
  credential(): Promise<string>;
  connect(credential: string, headers?: Record<string, string>): Promise<WebSocket>;
  /** Sends bytes as they are and collects the reply until the peer closes (or `waitMs`). */
  raw(bytes: string | Buffer, waitMs?: number): Promise<string>;
  /** A fresh connection, as a fresh tab would: asks `setup.status` and expects an answer. */
  stillAnswers(): Promise<void>;
  close(): Promise<void>;
}

export async function startHostile(): Promise<Hostile> {
  const t = await openTestStation();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'loket-hostile-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Loket</title>');
  writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
  const logged: string[] = [];
  const host = await startBrowserHost({ station: t.station, rendererDir: dir, log: (l) => logged.push(l) });
  const base = `http://127.0.0.1:${host.port}`;

  const credential = async () => {
    const code = new URL(host.newAddress()).searchParams.get('code');
    const r = await fetch(`${base}/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
    return ((await r.json()) as { credential: string }).credential;
  };

  const connect = (c: string, headers: Record<string, string> = {}) => new Promise<WebSocket>((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws`, ['loket.v1', `loket.credential.${c}`], { headers: { origin: base, ...headers } });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_q, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });

  const raw = (bytes: string | Buffer, waitMs = 1500) => new Promise<string>((resolve) => {
    const socket = net.connect(host.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const done = () => { clearTimeout(timer); socket.destroy(); resolve(Buffer.concat(chunks).toString('latin1')); };
    const timer = setTimeout(done, waitMs);
    socket.on('data', (c) => chunks.push(c));
    socket.on('close', done);
    socket.on('error', done);
    socket.write(bytes);
  });

  const stillAnswers = async () => {
    const ws = await connect(await credential());
    const answer = await call(ws, 'setup.status', {});
    expect(answer).toMatchObject({ ok: true });
    ws.close();
  };

  return {
    t, host, base, logged, credential, connect, raw, stillAnswers,
    async close() { await host.close(); await t.close(); },
  };
}

let nextId = 1;
/** One contract call on a connection; resolves with its result (or rejects if it closes first). */
export function call(ws: WebSocket, m: unknown, i: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    const onMessage = (d: WebSocket.RawData) => {
      const msg = JSON.parse(String(d)) as WsServerMessage;
      if (msg.t === 'result' && msg.id === id) { ws.off('message', onMessage); ws.off('close', onClose); resolve(msg.r); }
    };
    const onClose = (code: number) => { ws.off('message', onMessage); reject(new Error(`closed ${code}`)); };
    ws.on('message', onMessage);
    ws.once('close', onClose);
    ws.send(JSON.stringify({ t: 'call', id, m, i }));
  });
}

/** The HTTP status code at the start of a raw reply ('' when the host sent nothing). */
export const statusOf = (reply: string): string => /^HTTP\/1\.1 (\d{3})/.exec(reply)?.[1] ?? '';

/** The body of a raw HTTP reply. */
export const bodyOf = (reply: string): string => reply.split('\r\n\r\n').slice(1).join('\r\n\r\n');

/** A client frame (masked, as RFC 6455 §5.3 requires of clients) with the given first byte. */
export function clientFrame(firstByte: number, payload: Buffer, declaredLength = payload.length): Buffer {
  const mask = randomBytes(4);
  let header: Buffer;
  if (declaredLength < 126) header = Buffer.from([firstByte, 0x80 | declaredLength]);
  else if (declaredLength < 65536) { header = Buffer.alloc(4); header[0] = firstByte; header[1] = 0x80 | 126; header.writeUInt16BE(declaredLength, 2); }
  else { header = Buffer.alloc(10); header[0] = firstByte; header[1] = 0x80 | 127; header.writeBigUInt64BE(BigInt(declaredLength), 2); }
  const masked = Buffer.from(payload.map((b, i) => b ^ mask[i % 4]!));
  return Buffer.concat([header, mask, masked]);
}

/** The opening handshake of a WebSocket, written by hand so frames after it can be anything. */
export function handshake(port: number, credential: string, target = '/ws', host = `127.0.0.1:${port}`): string {
  return [
    `GET ${target} HTTP/1.1`, `Host: ${host}`, 'Upgrade: websocket', 'Connection: Upgrade',
    `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`, 'Sec-WebSocket-Version: 13',
    `Sec-WebSocket-Protocol: loket.v1, loket.credential.${credential}`, `Origin: http://127.0.0.1:${port}`, '', '',
  ].join('\r\n');
}

/** Close code in the first server frame of a raw reply after the 101, or null. */
export function serverCloseCode(reply: Buffer | string): number | null {
  const buf = Buffer.isBuffer(reply) ? reply : Buffer.from(reply, 'latin1');
  const end = buf.indexOf('\r\n\r\n');
  if (end < 0) return null;
  let at = end + 4;
  while (at + 2 <= buf.length) {
    const opcode = buf[at]! & 0x0f;
    let len = buf[at + 1]! & 0x7f;
    let off = at + 2;
    if (len === 126) { len = buf.readUInt16BE(off); off += 2; } else if (len === 127) { len = Number(buf.readBigUInt64BE(off)); off += 8; }
    if (opcode === 0x8) return len >= 2 ? buf.readUInt16BE(off) : 1005;
    at = off + len;
  }
  return null;
}
