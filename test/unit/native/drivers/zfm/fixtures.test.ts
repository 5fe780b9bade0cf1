// Protocol fixtures (test/fixtures/zfm/*.txt, `=> hex` / `<= hex`) replayed against the
// driver: it must write exactly the recorded bytes and read the recorded answers to the
// same results. A change to the driver that alters a byte on the wire fails here.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ZfmDriver } from '../../../../../native/drivers/zfm/driver';
import { ReplayTransport } from '../../../../../native/transport/hid-replay';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../../fixtures/zfm');

async function replay(name: string, led: 'auto' | 'aura' | 'none', run: (d: ZfmDriver) => Promise<void>): Promise<ReplayTransport> {
  const t = new ReplayTransport(readFileSync(path.join(dir, name), 'utf8'), name);
  const errors: string[] = [];
  t.on('error', (e) => errors.push(e.message));
  await t.open();
  const d = new ZfmDriver({ led, ackTimeoutMs: 500, dataTimeoutMs: 500 });
  d.attach(t);
  await run(d);
  expect(errors).toEqual([]);
  expect(t.finished).toBe(true);
  return t;
}

describe('ZFM protocol fixtures', () => {
  it('manual-startup-and-errors: identify, codes as values and keys, damaged answer, unplug', async () => {
    await replay('manual-startup-and-errors.txt', 'auto', async (d) => {
      const id = await d.identify();
      expect(id.ok && id.value).toMatchObject({ model: 'zfm', templateCount: 5, hasLedRing: false, sysParams: { librarySize: 1000, packetBytes: 128, baudRate: 57_600, securityLevel: 3 } });
      expect(await d.genImg()).toEqual({ ok: true, value: false });
      expect(await d.genImg()).toMatchObject({ ok: false, error: { code: 'rejected', key: 'device.zfm.code.03' } });
      expect(await d.upImage()).toMatchObject({ ok: false, error: { key: 'device.zfm.code.15' } });
      expect(await d.regModel()).toMatchObject({ ok: false, error: { key: 'device.zfm.code.0a' } });
      expect(await d.match()).toEqual({ ok: true, value: { matched: false, score: 0 } });
      const disconnected = new Promise((r) => d.once('disconnected', r));
      expect(await d.templateNum()).toMatchObject({ ok: false, error: { code: 'protocol', key: 'device.zfm.bad_checksum' } });
      await disconnected;
      expect(await d.templateNum()).toMatchObject({ ok: false, error: { code: 'disconnected' } });
    });
  });

  it('enrol-and-search: enrol, store, search, count, empty', async () => {
    await replay('enrol-and-search.txt', 'none', async (d) => {
      for (const step of [() => d.genImg(), () => d.img2Tz(1), () => d.genImg(), () => d.img2Tz(2), () => d.regModel(), () => d.store(1, 3), () => d.genImg(), () => d.img2Tz(1)]) {
        expect((await step()).ok).toBe(true);
      }
      const s = await d.search(1, 0, 162);
      expect(s.ok && s.value).toMatchObject({ found: true, page: 3 });
      expect(await d.templateNum()).toEqual({ ok: true, value: 1 });
      expect((await d.empty()).ok).toBe(true);
    });
  });

  it('template-transfer: UpChar in 64-byte packets, DownChar back, Match', async () => {
    await replay('template-transfer.txt', 'none', async (d) => {
      const p = await d.readSysParams();
      expect(p.ok && p.value.packetBytes).toBe(64);
      await d.genImg();
      await d.img2Tz(1);
      const t = await d.upChar(1);
      expect(t.ok && t.value.length).toBe(512);
      expect((await d.downChar(2, t.ok ? t.value : Buffer.alloc(0))).ok).toBe(true);
      const m = await d.match();
      expect(m.ok && m.value.matched).toBe(true);
    });
  });

  it('r503-capture: LED cue, polling, 192×192 image with progress', async () => {
    await replay('r503-capture.txt', 'aura', async (d) => {
      const progress: number[] = [];
      d.on('progress', (p) => progress.push(p.received));
      const img = await d.captureImage({ timeoutMs: 5000, pollMs: 1 });
      expect(img.ok && [img.value.width, img.value.height, img.value.packed.length]).toEqual([192, 192, 18_432]);
      expect(progress).toHaveLength(72);
    });
  });
});
