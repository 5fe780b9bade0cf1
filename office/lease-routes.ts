// A print station's lease endpoints (its own credential): request, list, extend, return.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { OfficeError } from './errors';
import { authenticate } from './stations';
import { MAX_LEASE_BOOKS, extendLease, requestLease, returnLease, stationLeases } from './leases';
import type { RouteKit } from './admin-routes';

const requestBody = z.object({ series: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/), count: z.number().int().min(1).max(MAX_LEASE_BOOKS) }).strict();
const returnBody = z.object({ unused: z.array(z.string().regex(/^[A-Z0-9]{1,9}$/)).max(MAX_LEASE_BOOKS) }).strict();

/** Answers a /v1/leases… request; false when the path is not one of these. */
export async function leaseRoute(kit: RouteKit, req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  const m = /^\/v1\/leases(?:\/([0-9a-f-]{36})\/(extend|return))?$/.exec(url.pathname);
  if (!m) return false;
  const station = await authenticate(kit.pool, kit.bearer(req));
  const [, id, action] = m;
  if (!id && req.method === 'GET') { kit.send(res, 200, { leases: await stationLeases(kit.pool, station.id) }); return true; }
  if (!id && req.method === 'POST') { kit.send(res, 200, await requestLease(kit.pool, station.id, kit.parse(requestBody, await kit.readBody(req)))); return true; }
  if (id && action === 'extend' && req.method === 'POST') { kit.send(res, 200, await extendLease(kit.pool, station.id, id)); return true; }
  if (id && action === 'return' && req.method === 'POST') { kit.send(res, 200, await returnLease(kit.pool, station.id, id, kit.parse(returnBody, await kit.readBody(req)).unused)); return true; }
  throw new OfficeError(404, 'not_found', 'The office service has no such lease address.');
}
