// Blank-book leases: the office is the one authority over which print station may use which
// blank book. A station asks for a number of books of a series; the office picks blank books
// it knows (merged from the stations' deliveries) that no live lease holds, records them
// under a lease for that station, and hands back the list. A serial is leased once at a time
// (stock_lease_serials' primary key; grants are also serialised by an advisory lock so two
// requests never race for the same books). Returning a lease gives back the books the
// station did not use; the used ones stay recorded under it.
import { randomUUID } from 'node:crypto';
import { inTransaction, type Client, type Pool } from './db';
import { OfficeError } from './errors';
import { officeAudit } from './audit';

/** A lease runs this long; the station extends it while it prints from it. */
export const LEASE_DAYS = 14;
export const MAX_LEASE_BOOKS = 500;
const LEASE_LOCK = 7203;

export interface Lease { id: string; series: string; serials: string[]; grantedAt: string; expiresAt: string }
export interface LeaseSummary { id: string; stationId: string; series: string; firstSerial: string; lastSerial: string; held: number; grantedAt: string; expiresAt: string; overdue: boolean }

const plusDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

export async function requestLease(pool: Pool, stationId: string, req: { series: string; count: number }, now = new Date()): Promise<Lease> {
  if (!Number.isInteger(req.count) || req.count < 1 || req.count > MAX_LEASE_BOOKS) {
    throw new OfficeError(400, 'bad_request', `A lease is for 1 to ${MAX_LEASE_BOOKS} books.`);
  }
  return inTransaction(pool, async (c) => {
    await c.query('SELECT pg_advisory_xact_lock($1)', [LEASE_LOCK]);
    const { rows } = await c.query<{ serial: string }>(
      `SELECT m.row_id AS serial FROM merged_rows m
       WHERE m.tbl = 'books' AND m.deleted_hlc IS NULL AND m.vals->>'series' = $1 AND m.vals->>'state' = 'in_stock'
         AND NOT EXISTS (SELECT 1 FROM stock_lease_serials s WHERE s.serial = m.row_id)
       ORDER BY length(m.row_id), m.row_id LIMIT $2`, [req.series, req.count]);
    if (rows.length === 0) {
      throw new OfficeError(409, 'lease_no_books', `The office holds no blank book of series ${req.series} that is not already leased. Record the delivery at a station and let it send its changes, or have another print station return its lease.`);
    }
    const serials = rows.map((r) => r.serial);
    const lease: Lease = { id: randomUUID(), series: req.series, serials, grantedAt: now.toISOString(), expiresAt: plusDays(now, LEASE_DAYS).toISOString() };
    await c.query('INSERT INTO stock_leases (id, station_id, series, first_serial, last_serial, granted_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [lease.id, stationId, lease.series, serials[0], serials.at(-1), lease.grantedAt, lease.expiresAt]);
    await c.query('INSERT INTO stock_lease_serials (serial, lease_id) SELECT unnest($1::text[]), $2', [serials, lease.id]);
    await officeAudit(c, `station:${stationId}`, 'lease.grant', { lease: lease.id, series: lease.series, first: serials[0], last: serials.at(-1), count: serials.length });
    return lease;
  });
}

async function ownLease(c: Pool | Client, stationId: string, leaseId: string): Promise<{ id: string }> {
  const { rows } = await c.query<{ id: string }>('SELECT id FROM stock_leases WHERE id = $1 AND station_id = $2 AND returned_at IS NULL FOR UPDATE', [leaseId, stationId]);
  if (!rows[0]) throw new OfficeError(404, 'lease_not_found', 'The office holds no such lease for this station (it was returned already). Request a new lease.');
  return rows[0];
}

/** The station is still printing from the lease: it runs another LEASE_DAYS from now. */
export async function extendLease(pool: Pool, stationId: string, leaseId: string, now = new Date()): Promise<{ id: string; expiresAt: string }> {
  return inTransaction(pool, async (c) => {
    await ownLease(c, stationId, leaseId);
    const expiresAt = plusDays(now, LEASE_DAYS).toISOString();
    await c.query('UPDATE stock_leases SET expires_at = $2 WHERE id = $1', [leaseId, expiresAt]);
    return { id: leaseId, expiresAt };
  });
}

/** Ends a lease: the books the station did not use may be leased again. */
export async function returnLease(pool: Pool, stationId: string, leaseId: string, unused: string[], now = new Date()): Promise<{ id: string; released: number }> {
  return inTransaction(pool, async (c) => {
    await ownLease(c, stationId, leaseId);
    const del = await c.query('DELETE FROM stock_lease_serials WHERE lease_id = $1 AND serial = ANY($2::text[])', [leaseId, unused]);
    await c.query('UPDATE stock_leases SET returned_at = $2 WHERE id = $1', [leaseId, now.toISOString()]);
    await officeAudit(c, `station:${stationId}`, 'lease.return', { lease: leaseId, released: del.rowCount ?? 0 });
    return { id: leaseId, released: del.rowCount ?? 0 };
  });
}

/** The station's live leases, each with the serials it holds. */
export async function stationLeases(pool: Pool, stationId: string): Promise<Lease[]> {
  const { rows } = await pool.query<{ id: string; series: string; granted_at: Date; expires_at: Date; serials: string[] }>(
    `SELECT l.id, l.series, l.granted_at, l.expires_at, array_agg(s.serial ORDER BY length(s.serial), s.serial) AS serials
     FROM stock_leases l JOIN stock_lease_serials s ON s.lease_id = l.id
     WHERE l.station_id = $1 AND l.returned_at IS NULL GROUP BY l.id ORDER BY l.granted_at`, [stationId]);
  return rows.map((r) => ({ id: r.id, series: r.series, serials: r.serials, grantedAt: r.granted_at.toISOString(), expiresAt: r.expires_at.toISOString() }));
}

/** Every live lease, for the administrator: which station holds which books. */
export async function listLeases(pool: Pool, now = new Date()): Promise<LeaseSummary[]> {
  const { rows } = await pool.query<{ id: string; station_id: string; series: string; first_serial: string; last_serial: string; held: string; granted_at: Date; expires_at: Date }>(
    `SELECT l.id, l.station_id, l.series, l.first_serial, l.last_serial, (SELECT count(*) FROM stock_lease_serials s WHERE s.lease_id = l.id)::text AS held,
            l.granted_at, l.expires_at
     FROM stock_leases l WHERE l.returned_at IS NULL ORDER BY l.station_id, l.granted_at`);
  return rows.map((r) => ({
    id: r.id, stationId: r.station_id, series: r.series, firstSerial: r.first_serial, lastSerial: r.last_serial, held: Number(r.held),
    grantedAt: r.granted_at.toISOString(), expiresAt: r.expires_at.toISOString(), overdue: r.expires_at.getTime() < now.getTime(),
  }));
}
