// Hostile HTTP at the browser host: request targets `new URL()` cannot read, absolute-form
// targets, bad percent escapes, other Host names (DNS rebinding), random methods and broken
// upgrades. Each is answered (400/405/421/403) or closed — and after each batch a fresh tab
// still gets its answer. Before the hardening, `//a:99999/` alone ended the process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bodyOf, handshake, startHostile, statusOf, type Hostile } from './hostile-harness';

let h: Hostile;
beforeAll(async () => { h = await startHostile(); });
afterAll(async () => { await h?.close(); });

const get = (target: string, host = `127.0.0.1:${h.host.port}`, method = 'GET') => h.raw(`${method} ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);

describe('request targets', () => {
  it('answers targets that cannot be read with 400 and keeps serving', async () => {
    for (const target of ['//a:99999/', '//a:b:c/', '/%', '/%E0%A4%A', '/assets/%ZZapp.js', '/%00', '/a%00.html', '*']) {
      expect(statusOf(await get(target)), target).toBe('400');
    }
    await h.stillAnswers();
  });

  it('answers absolute-form targets with 400 (we are not a proxy)', async () => {
    for (const target of ['http://a:b:c/ws', 'http://a:99999/', `http://127.0.0.1:${h.host.port}/`, 'http://[::1/']) {
      expect(statusOf(await get(target)), target).toBe('400');
    }
    await h.stillAnswers();
  });

  it('survives random request targets', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 60 }), async (s) => {
      const target = '/' + encodeURI(s).replace(/%25/g, '%');
      const status = statusOf(await get(target));
      expect(['200', '400', '404']).toContain(status);
    }), { numRuns: 60, seed: 7 });
    await h.stillAnswers();
  });
});

describe('Host header', () => {
  it('serves only 127.0.0.1:PORT and localhost:PORT; others get 421 and no data', async () => {
    const port = h.host.port;
    expect(statusOf(await get('/', `127.0.0.1:${port}`))).toBe('200');
    expect(statusOf(await get('/', `localhost:${port}`))).toBe('200');
    for (const bad of [`evil.example:${port}`, `evil.example`, '127.0.0.1', `127.0.0.1:${port + 1}`, `[::1]:${port}`, `127.0.0.1:${port}.evil.example`]) {
      const reply = await get('/', bad);
      expect(statusOf(reply), bad).toBe('421');
      expect(bodyOf(reply), bad).toBe('');
    }
    // No Host at all (HTTP/1.0 allows it): no data either.
    expect(statusOf(await h.raw('GET / HTTP/1.0\r\n\r\n'))).toBe('421');
    await h.stillAnswers();
  });

  it('refuses the code exchange under another Host name', async () => {
    const code = new URL(h.host.newAddress()).searchParams.get('code')!;
    const body = JSON.stringify({ code });
    const reply = await h.raw(`POST /session HTTP/1.1\r\nHost: rebound.example:${h.host.port}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`);
    expect(statusOf(reply)).toBe('421');
    expect(bodyOf(reply)).not.toContain('credential');
  });
});

describe('methods', () => {
  it('answers unknown and random methods without serving anything', async () => {
    for (const m of ['DELETE', 'PUT', 'OPTIONS', 'PATCH', 'FOO', 'BREW']) {
      expect(['400', '405'], m).toContain(statusOf(await get('/', undefined, m)));
    }
    await fc.assert(fc.asyncProperty(fc.stringMatching(/^[A-Z]{1,12}$/), async (m) => {
      const status = statusOf(await get('/index.html', undefined, m));
      expect(['200', '400', '405'], m).toContain(status);
      if (status === '200') expect(['GET', 'HEAD']).toContain(m);
    }), { numRuns: 40, seed: 11 });
    expect(statusOf(await h.raw('\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 not http\r\n\r\n'))).toBe('400');
    await h.stillAnswers();
  });

  it('refuses an oversized or broken code exchange without reading it all', async () => {
    const huge = JSON.stringify({ code: 'x'.repeat(4 * 1024 * 1024) });
    const r = await fetch(`${h.base}/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: huge }).catch(() => null);
    if (r) expect(r.status).toBe(403);
    for (const body of ['{', 'null', '[]', '{"code":{"a":1}}', '\u0000']) {
      const b = await fetch(`${h.base}/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(b.status, body).toBe(403);
    }
    // A body that never ends: the host still serves others meanwhile.
    const pending = h.raw(`POST /session HTTP/1.1\r\nHost: 127.0.0.1:${h.host.port}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"code":`, 500);
    await h.stillAnswers();
    await pending;
  });

  it('refuses the address request without the key', async () => {
    const r = await fetch(`${h.base}/address`, { method: 'POST', headers: { authorization: 'Bearer nothing' } });
    expect(r.status).toBe(403);
  });
});

describe('upgrades', () => {
  it('answers broken upgrades and keeps serving', async () => {
    const port = h.host.port;
    const credential = await h.credential();
    // Absolute-form and unreadable targets: before the hardening, these ended the process.
    expect(statusOf(await h.raw(handshake(port, credential, 'http://a:b:c/ws')))).toBe('400');
    expect(statusOf(await h.raw(handshake(port, credential, '//a:99999/ws')))).toBe('400');
    expect(statusOf(await h.raw(handshake(port, credential, '/ws%')))).toBe('400');
    expect(statusOf(await h.raw(handshake(port, credential, '/other')))).toBe('403');
    expect(statusOf(await h.raw(handshake(port, credential, '/ws', `evil.example:${port}`)))).toBe('421');
    // No key, wrong version: ws refuses the handshake itself.
    const noKey = handshake(port, credential).replace(/Sec-WebSocket-Key: [^\r]+\r\n/, '');
    expect(statusOf(await h.raw(noKey))).toBe('400');
    const badVersion = handshake(port, credential).replace('Sec-WebSocket-Version: 13', 'Sec-WebSocket-Version: 99');
    expect(['400', '426']).toContain(statusOf(await h.raw(badVersion)));
    // A handshake cut off half-way.
    await h.raw(handshake(port, credential).slice(0, 60), 300);
    await h.stillAnswers();
  });
});
