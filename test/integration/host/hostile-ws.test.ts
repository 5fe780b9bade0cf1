// Hostile WebSocket traffic: a message over the size limit, deeply nested and huge JSON,
// binary and garbage frames, invalid UTF-8, frames cut off half-way, unmasked frames, random
// method names. Each closes that one connection or is answered; the station keeps serving
// the others. Before the hardening, an over-limit message had no 'error' listener and ended
// the process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { call, clientFrame, handshake, serverCloseCode, startHostile, type Hostile } from './hostile-harness';
import { MAX_MESSAGE_BYTES } from '../../../electron/host';
import type WebSocket from 'ws';

let h: Hostile;
beforeAll(async () => { h = await startHostile(); });
afterAll(async () => { await h?.close(); });

const closed = (ws: WebSocket) => new Promise<number>((r) => ws.once('close', (code) => r(code)));

/** A raw socket after a good handshake: sends `frames`, returns what came back. */
async function afterHandshake(frames: Buffer, waitMs = 800): Promise<Buffer> {
  const reply = await h.raw(Buffer.concat([Buffer.from(handshake(h.host.port, await h.credential())), frames]), waitMs);
  expect(reply.startsWith('HTTP/1.1 101')).toBe(true);
  return Buffer.from(reply, 'latin1');
}

describe('size', () => {
  it('closes a connection whose message is over the limit with 1009; others keep working', async () => {
    const bystander = await h.connect(await h.credential());
    const big = await h.connect(await h.credential());
    const code = closed(big);
    big.send(JSON.stringify({ t: 'call', id: 1, m: 'import.preview', i: { content: 'x'.repeat(MAX_MESSAGE_BYTES + 16) } }));
    expect(await code).toBe(1009);
    expect(await call(bystander, 'setup.status', {})).toMatchObject({ ok: true });
    bystander.close();
    await h.stillAnswers();
  });

  it('closes on a frame header that only claims a huge length (1009)', async () => {
    const reply = await afterHandshake(clientFrame(0x81, Buffer.from('{}'), 2 ** 40));
    expect(serverCloseCode(reply)).toBe(1009);
    await h.stillAnswers();
  });
});

describe('JSON', () => {
  it('answers deeply nested input without overflowing the stack', async () => {
    const ws = await h.connect(await h.credential());
    const depth = 500_000;
    const deep = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    for (const m of ['setup.status', 'auth.login', 'import.preview', 'no.such.method']) {
      ws.send(`{"t":"call","id":${m.length},"m":"${m}","i":{"a":${deep}}}`);
    }
    const r = await call(ws, 'setup.status', {});
    expect(r).toMatchObject({ ok: true });
    ws.close();
    await h.stillAnswers();
  });

  it('answers a huge (under the limit) input with a refusal, not a crash', async () => {
    const ws = await h.connect(await h.credential());
    const r = await call(ws, 'auth.login', { nip: '1'.repeat(8 * 1024 * 1024), password: 'x' });
    expect(r).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    ws.close();
    await h.stillAnswers();
  });

  it('closes on messages that are not calls (1003) and answers random method names', async () => {
    for (const text of ['not json', 'null', '[]', '42', '{"t":"call"}', '{"t":"call","id":"1","m":"setup.status"}', '{"t":"event","id":1}']) {
      const ws = await h.connect(await h.credential());
      const code = closed(ws);
      ws.send(text);
      expect(await code, text).toBe(1003);
    }
    const binary = await h.connect(await h.credential());
    const code = closed(binary);
    binary.send(Buffer.from([1, 2, 3]));
    expect(await code).toBe(1003);

    const ws = await h.connect(await h.credential());
    await fc.assert(fc.asyncProperty(fc.oneof(fc.string({ maxLength: 80 }), fc.anything()), fc.anything(), async (m, i) => {
      const r = await call(ws, m, i) as { ok: boolean; error?: { code: string } };
      expect(r.ok, String(m)).toBe(false);
    }), { numRuns: 200, seed: 3 });
    ws.close();
    await h.stillAnswers();
  });
});

describe('frames', () => {
  it('closes on invalid UTF-8 (1007), unmasked frames and reserved opcodes (1002)', async () => {
    expect(serverCloseCode(await afterHandshake(clientFrame(0x81, Buffer.from([0xc3, 0x28, 0xff]))))).toBe(1007);
    const unmasked = Buffer.from([0x81, 0x02, 0x7b, 0x7d]);
    expect(serverCloseCode(await afterHandshake(unmasked))).toBe(1002);
    expect(serverCloseCode(await afterHandshake(clientFrame(0x83, Buffer.from('x'))))).toBe(1002);
    // RSV1 set without a negotiated extension.
    expect(serverCloseCode(await afterHandshake(clientFrame(0xc1, Buffer.from('{}'))))).toBe(1002);
    await h.stillAnswers();
  });

  it('forgets frames cut off half-way, and random bytes after the handshake', async () => {
    const whole = clientFrame(0x81, Buffer.from(JSON.stringify({ t: 'call', id: 1, m: 'setup.status', i: {} })));
    await afterHandshake(whole.subarray(0, 5), 200);
    await afterHandshake(whole.subarray(0, whole.length - 3), 200);
    await fc.assert(fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 256 }), async (bytes) => {
      await afterHandshake(Buffer.from(bytes), 150);
    }), { numRuns: 25, seed: 5 });
    await h.stillAnswers();
  });
});
