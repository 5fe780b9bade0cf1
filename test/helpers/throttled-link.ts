// A weak link for benches and tests: a TCP proxy in front of the office service that moves
// bytes at a set rate in each direction (a token bucket per direction, shared by every
// connection of the link, as one modem would be). TLS passes through untouched, so the
// station's pinned certificate still checks. `occupy(bytes)` holds the upstream for as long
// as that many bytes take — the stand-in for image bytes while the blob transfer is not in
// this branch — interleaved with real traffic in chunks, as a chunked uploader would.
import net from 'node:net';

class Bucket {
  private free = 0;
  constructor(private readonly bytesPerSecond: number) {}
  /** Resolves when `n` bytes may go: the link is busy until then. */
  take(n: number): Promise<void> {
    const now = performance.now();
    const start = Math.max(now, this.free);
    this.free = start + (n * 1000) / this.bytesPerSecond;
    const wait = this.free - now;
    return wait > 1 ? new Promise((r) => setTimeout(r, wait)) : Promise.resolve();
  }
}

export interface ThrottledLink {
  url: string;
  occupy(bytes: number, chunk?: number): Promise<void>;
  /** The link drops (every connection cut, new ones refused) once this many more bytes went up. */
  dropAfter(upBytes: number): void;
  /** The link is back. */
  restore(): void;
  close(): Promise<void>;
}

export async function throttledLink(target: { host: string; port: number }, bitsPerSecond: number): Promise<ThrottledLink> {
  const up = new Bucket(bitsPerSecond / 8);
  const down = new Bucket(bitsPerSecond / 8);
  const sockets = new Set<net.Socket>();
  let cut = false;
  let upBudget = Infinity;
  const drop = () => { cut = true; for (const s of sockets) s.destroy(); };
  const pump = (from: net.Socket, to: net.Socket, bucket: Bucket) => {
    let chain = Promise.resolve();
    from.on('data', (chunk: Buffer) => {
      if (bucket === up) { upBudget -= chunk.length; if (upBudget < 0) { drop(); return; } }
      from.pause();
      chain = chain.then(() => bucket.take(chunk.length)).then(() => { if (!to.destroyed) to.write(chunk); from.resume(); });
    });
    from.on('end', () => { void chain.then(() => to.end()); });
  };
  const server = net.createServer((client) => {
    if (cut) { client.destroy(); return; }
    const office = net.connect(target.port, target.host);
    for (const s of [client, office]) { sockets.add(s); s.on('close', () => sockets.delete(s)); s.on('error', () => { client.destroy(); office.destroy(); }); }
    pump(client, office, up);
    pump(office, client, down);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    async occupy(bytes, chunk = 16_384) {
      for (let left = bytes; left > 0; left -= chunk) await up.take(Math.min(chunk, left));
    },
    dropAfter(upBytes) { upBudget = upBytes; },
    restore() { cut = false; upBudget = Infinity; },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
