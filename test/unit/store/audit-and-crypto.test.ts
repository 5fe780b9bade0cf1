// The audit chain detects tampering; sealed blobs never hold clear bytes and do not open
// with the wrong key or on another row.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Store } from '../../../electron/store/store';
import { BlobCipher } from '../../../electron/store/crypto';

const dirs: string[] = [];
const tmp = () => { const d = mkdtempSync(path.join(os.tmpdir(), 'loket-st-')); dirs.push(d); return d; };
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

describe('audit chain', () => {
  it('verifies an intact chain and names the first tampered row', () => {
    const dir = tmp();
    const key = randomBytes(32);
    const store = Store.open({ dataDir: dir, dataKey: key });
    store.tx(() => { for (let i = 0; i < 5; i++) store.audit.append(null, 'login.failed', { nip: `1980${i}` }, new Date(2026, 0, 1, 8, i).toISOString()); });
    expect(store.audit.verify()).toEqual({ ok: true, rows: 5, keyedFrom: 1 });
    // The table refuses updates and deletes outright…
    expect(() => store.tx(() => { (store as unknown as { db: Database.Database }).db.prepare("UPDATE audit SET action = 'x' WHERE seq = 2").run(); })).toThrow(/append-only/);
    store.close();
    // …so a forger must go around the triggers; the chain still shows it.
    const raw = new Database(path.join(dir, 'loket.sqlite'));
    raw.exec('DROP TRIGGER audit_no_update');
    raw.prepare("UPDATE audit SET detail = '{\"nip\":\"forged\"}' WHERE seq = 3").run();
    raw.close();
    const again = Store.open({ dataDir: dir, dataKey: key });
    expect(again.audit.verify()).toEqual({ ok: false, rows: 3, brokenAt: 3, problem: 'broken', keyedFrom: 1 });
    again.close();
  });
});

describe('blob encryption', () => {
  it('round-trips, binds to the blob id and refuses another key', () => {
    const key = randomBytes(32);
    const c = new BlobCipher(key);
    const plain = Buffer.from('fingerprint image bytes');
    const sealed = c.seal(plain, 'blob-1');
    expect(sealed.includes(plain)).toBe(false);
    expect(c.open(sealed, 'blob-1')).toEqual(plain);
    expect(() => c.open(sealed, 'blob-2')).toThrow();
    expect(() => new BlobCipher(randomBytes(32)).open(sealed, 'blob-1')).toThrow();
    const flipped = Buffer.from(sealed); flipped[flipped.length - 1]! ^= 1;
    expect(() => c.open(flipped, 'blob-1')).toThrow();
  });

  it('stores blobs sealed in the SQLite file', () => {
    const dir = tmp();
    const store = Store.open({ dataDir: dir, dataKey: randomBytes(32) });
    const marker = Buffer.from('RIDGE-PATTERN-MARKER-'.repeat(20));
    const id = store.tx(() => store.blobs.put({ type: 'appointment', id: 'a1' }, 'fingerprint', 'image/png', marker, { finger: 'right_thumb' }, new Date().toISOString()));
    expect(store.blobs.get(id)?.data).toEqual(marker);
    store.close();
    const bytes = Buffer.concat([readFileSync(path.join(dir, 'loket.sqlite')), (() => { try { return readFileSync(path.join(dir, 'loket.sqlite-wal')); } catch { return Buffer.alloc(0); } })()]);
    expect(bytes.includes(Buffer.from('RIDGE-PATTERN-MARKER'))).toBe(false);
  });
});
