import { describe, expect, it } from 'vitest';
import { createMemoryPair } from '../../../../native/transport/memory-pair';

describe('in-memory transport pair', () => {
  it('delivers what one end writes to the other, asynchronously and as a copy', async () => {
    const [a, b] = createMemoryPair();
    await a.open();
    await b.open();
    const got: Buffer[] = [];
    b.on('data', (d) => got.push(d));
    const buf = Buffer.from([1, 2, 3]);
    await a.write(buf);
    buf[0] = 9;
    expect(got).toHaveLength(0);
    await new Promise((r) => setImmediate(r));
    expect(got).toEqual([Buffer.from([1, 2, 3])]);
  });

  it('unplug closes both ends with a reason; writes then fail', async () => {
    const [a, b] = createMemoryPair();
    await a.open();
    await b.open();
    const closed: string[] = [];
    a.on('close', (e) => closed.push(`a ${e?.message}`));
    b.on('close', (e) => closed.push(`b ${e?.message}`));
    a.unplug();
    expect(closed).toEqual(['a unplugged', 'b unplugged']);
    await expect(a.write(Buffer.from([1]))).rejects.toThrow(/not open/);
  });
});
