// A bad link for the office tests: a TCP proxy (node:net) between a station and the office
// service that, chunk by chunk and decided by a seeded generator, delays data, duplicates a
// segment (a replayed packet: TLS sees a record twice and gives up on the connection) or
// drops the connection mid-stream — in either direction, so a request may be cut before the
// office has it all, or the office's answer lost after it committed (the station then sends
// the same push again). It carries bytes only: TLS runs end to end through it.
import net from 'node:net';
import type { Random } from '../../native/sim/prng';

export interface FaultCounts { connections: number; delayed: number; duplicated: number; dropped: number }

export interface FlakyProxy {
  url: string;
  counts: FaultCounts;
  /** Stops making faults (the link heals) or starts again. */
  setFaulty(on: boolean): void;
  close(): Promise<void>;
}

export interface FaultRates {
  delay: number;
  maxDelayMs: number;
  duplicate: number;
  /** Per chunk from the station to the office: the request cut short. */
  drop: number;
  /** Per chunk from the office to the station: often the answer to a push the office has committed. */
  dropAnswer: number;
}

export async function startFlakyProxy(target: { host: string; port: number }, random: Random, rates: FaultRates): Promise<FlakyProxy> {
  const counts: FaultCounts = { connections: 0, delayed: 0, duplicated: 0, dropped: 0 };
  let faulty = true;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    counts.connections++;
    const upstream = net.connect(target.port, target.host);
    for (const s of [client, upstream]) { sockets.add(s); s.on('close', () => sockets.delete(s)); }
    const end = () => { client.destroy(); upstream.destroy(); };
    client.on('error', end); upstream.on('error', end);
    client.on('close', end); upstream.on('close', end);
    pipe(client, upstream, rates.drop);
    pipe(upstream, client, rates.dropAnswer);
  });

  /** One direction; chunks keep their order even when some wait. */
  function pipe(from: net.Socket, to: net.Socket, drop: number): void {
    let queue = Promise.resolve();
    from.on('data', (chunk: Buffer) => {
      queue = queue.then(async () => {
        if (to.destroyed) return;
        if (faulty && random() < drop) {
          // Part of the chunk goes through, then the link is gone.
          counts.dropped++;
          to.write(chunk.subarray(0, Math.floor(random() * chunk.length)));
          from.destroy(); to.destroy();
          return;
        }
        if (faulty && random() < rates.delay) {
          counts.delayed++;
          await new Promise((r) => setTimeout(r, Math.floor(random() * rates.maxDelayMs)));
        }
        if (to.destroyed) return;
        to.write(chunk);
        if (faulty && random() < rates.duplicate) { counts.duplicated++; to.write(chunk); }
      });
    });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    counts,
    setFaulty(on) { faulty = on; },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
