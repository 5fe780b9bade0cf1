// HID is tested by replaying recorded reports: the replay transport must emit each report
// as one chunk, check the host's writes against the script, and play an unplug.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HidReplayTransport } from '../../../../native/transport/hid-replay';
import { parseTrafficScript } from '../../../../native/transport/traffic-script';

// Polls rather than sleeping a fixed time: the machine may be busy with other test runs.
async function until(cond: () => boolean, ms = 3000): Promise<void> {
  const t0 = Date.now();
  while (!cond() && Date.now() - t0 < ms) await new Promise((r) => setTimeout(r, 2));
}

const here = path.dirname(fileURLToPath(import.meta.url));
const script = readFileSync(path.join(here, '../../../fixtures/hid/pos-scanner-qr.txt'), 'utf8');

describe('HID replay transport', () => {
  it('reads the traffic script format', () => {
    const steps = parseTrafficScript('# c\n=> 01 02\n<= ff\n-- wait 5\n-- close\n');
    expect(steps.map((s) => s.dir)).toEqual(['host', 'device', 'wait', 'close']);
    expect(() => parseTrafficScript('<= abc')).toThrow(/odd/);
    expect(() => parseTrafficScript('hello')).toThrow(/line 1/);
  });

  it('replays reports one per data event, waits for the expected write, then unplugs', async () => {
    const t = new HidReplayTransport(script);
    const reports: Buffer[] = [];
    const closed: string[] = [];
    const errors: string[] = [];
    t.on('data', (d) => reports.push(d));
    t.on('close', (e) => closed.push(e?.message ?? ''));
    t.on('error', (e) => errors.push(e.message));
    await t.open();
    await until(() => reports.length >= 2);
    expect(reports).toHaveLength(2);
    expect(reports[0]![0]).toBe(0x02);
    expect(reports.every((r) => r.length === 64)).toBe(true);
    await t.write(Buffer.from('0501', 'hex')); // not what the script expects
    expect(errors[0]).toMatch(/expects 0500/);
    await t.write(Buffer.from('0500', 'hex'));
    await until(() => closed.length > 0);
    expect(reports).toHaveLength(3);
    expect(closed).toEqual(['unplugged (replay)']);
    expect(t.finished).toBe(true);
  });
});
