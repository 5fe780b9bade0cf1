// The office administrator's HTTP endpoints (a bearer admin token, never a station's
// credential): parked changes listed, inspected without values, retried or discarded with
// a reason; leases listed. Every action is audited (office/parked.ts, office/leases.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { Pool } from './db';
import { OfficeError } from './errors';
import { authenticateAdmin } from './admins';
import { discardParked, inspectParked, listParked, retryParked } from './parked';
import { listLeases } from './leases';
import type { OfficeValidator } from './push';

export interface RouteKit {
  pool: Pool;
  validate?: OfficeValidator;
  readBody(req: IncomingMessage): Promise<unknown>;
  send(res: ServerResponse, status: number, body: unknown): void;
  bearer(req: IncomingMessage): string | undefined;
  /** The body read by a schema, or a 400 naming the field that is not valid. */
  parse<T>(schema: z.ZodType<T>, input: unknown): T;
  /** Something changed at the office: the live stations pull. */
  notify(from: string): void;
}

const discardBody = z.object({ reason: z.string().max(500) }).strict();

/** Answers a /v1/admin/… request; false when the path is not one of these. */
export async function adminRoute(kit: RouteKit, req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  const m = /^\/v1\/admin\/(parked|leases)(?:\/([^/]+))?(?:\/(retry|discard))?$/.exec(url.pathname);
  if (!m) return false;
  const admin = await authenticateAdmin(kit.pool, kit.bearer(req));
  const [, what, rawId, action] = m;
  const id = rawId ? decodeURIComponent(rawId) : undefined;
  if (what === 'leases' && req.method === 'GET' && !id) { kit.send(res, 200, { leases: await listLeases(kit.pool) }); return true; }
  if (what === 'parked' && req.method === 'GET' && !id) { kit.send(res, 200, { parked: await listParked(kit.pool) }); return true; }
  if (what === 'parked' && req.method === 'GET' && id && !action) { kit.send(res, 200, await inspectParked(kit.pool, id)); return true; }
  if (what === 'parked' && req.method === 'POST' && id && action === 'retry') {
    const out = await retryParked(kit.pool, id, `admin:${admin}`, kit.validate);
    if (out.status === 'applied') kit.notify('office');
    kit.send(res, 200, out);
    return true;
  }
  if (what === 'parked' && req.method === 'POST' && id && action === 'discard') {
    const parsed = discardBody.safeParse(await kit.readBody(req));
    if (!parsed.success) throw new OfficeError(400, 'reason_required', 'Send {"reason": "…"}: why this change is discarded.');
    await discardParked(kit.pool, id, `admin:${admin}`, parsed.data.reason);
    kit.send(res, 200, { changeId: id, status: 'discarded' });
    return true;
  }
  throw new OfficeError(404, 'not_found', 'The office service has no such admin address.');
}
