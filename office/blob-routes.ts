// The office service's blob addresses, for a paired station:
//   GET /v1/blobs/:id/state                         → { id, total, received, complete } (received 0 if unknown)
//   PUT /v1/blobs/:id?offset=N&total=T&sha256=HEX   body: raw bytes (≤ 1 MiB) → the state after
//   GET /v1/blobs/:id?offset=N&length=M             → raw bytes of a complete blob, x-blob-total header
// The bytes are sealed by the station under the office data key; the office keeps them as
// they came (office/blobs.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { blobState, MAX_BLOB_BYTES, MAX_CHUNK_BYTES, putChunk, readRange } from './blobs';
import type { Pool } from './db';
import { OfficeError } from './errors';
import type { PairedStation } from './stations';

const BLOB_PATH = /^\/v1\/blobs\/([A-Za-z0-9-]{1,64})(\/state)?$/;

function readRaw(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) { reject(new OfficeError(413, 'too_large', `A blob chunk may carry at most ${limit / 1024 / 1024} MB; the station sends smaller chunks.`)); req.destroy(); return; }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function whole(v: string | null, max: number, what: string): number {
  const n = Number(v);
  if (v === null || !/^\d{1,10}$/.test(v) || n > max) throw new OfficeError(400, 'bad_request', `The request's "${what}" is not valid.`);
  return n;
}

export function isBlobPath(pathname: string): boolean {
  return BLOB_PATH.test(pathname);
}

export async function routeBlob(
  req: IncomingMessage, res: ServerResponse, url: URL, pool: Pool, station: PairedStation,
  sendJson: (res: ServerResponse, status: number, body: unknown) => void,
): Promise<void> {
  const [, id, state] = BLOB_PATH.exec(url.pathname)!;
  const q = url.searchParams;
  if (req.method === 'GET' && state) {
    sendJson(res, 200, (await blobState(pool, id!)) ?? { id, total: 0, received: 0, complete: false });
    return;
  }
  if (req.method === 'PUT' && !state) {
    // The body first: an answer sent while the station is still sending would reset its connection.
    const bytes = await readRaw(req, MAX_CHUNK_BYTES);
    const sha256 = q.get('sha256') ?? '';
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new OfficeError(400, 'bad_request', 'The request\'s "sha256" is not valid.');
    const total = whole(q.get('total'), MAX_BLOB_BYTES, 'total');
    const offset = whole(q.get('offset'), MAX_BLOB_BYTES, 'offset');
    sendJson(res, 200, await putChunk(pool, { id: id!, stationId: station.id, total, sha256, offset, bytes }));
    return;
  }
  if (req.method === 'GET' && !state) {
    const offset = whole(q.get('offset') ?? '0', MAX_BLOB_BYTES, 'offset');
    const length = whole(q.get('length') ?? String(MAX_CHUNK_BYTES), MAX_CHUNK_BYTES, 'length');
    const { total, bytes } = await readRange(pool, id!, offset, length);
    if (res.headersSent || res.destroyed) return;
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes.length, 'x-blob-total': String(total), 'cache-control': 'no-store' });
    res.end(bytes);
    return;
  }
  throw new OfficeError(405, 'not_found', 'The office service has no such address.');
}
