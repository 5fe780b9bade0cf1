// A full resync with the office, for a station away longer than the office keeps deletions
// (the office refuses its pull with "resync_required"). The deletions the office compacted
// come first (only row ids and stamps), then everything from the start of the stream; what
// the station already holds is applied as a duplicate or loses to its newer stamp, so
// nothing of the station's own is lost, and rows deleted meanwhile go.
import { CHANGE_FORMAT_VERSION } from '../../domain/change-format';
import type { Store } from '../store/store';
import { OfficeLink, OfficeLinkError, officeRequest } from './office-link';
import { StationError } from './errors';

/** Whether watermark x ("xid.seq") is after y. */
function laterWatermark(x: string, y: string): boolean {
  const [ax, as] = x.split('.').map(BigInt) as [bigint, bigint];
  const [bx, bs] = y.split('.').map(BigInt) as [bigint, bigint];
  return ax > bx || (ax === bx && as > bs);
}

/** The start of the office's stream (office/pull.ts START). */
const FROM_START = '0.0';

export async function resyncFully(store: Store, officerId: string, now: () => Date): Promise<{ tombstones: number; received: number }> {
  const cfg = store.officeLink.link();
  if (!cfg) throw new OfficeLinkError('not_paired', 'This station is not paired with an office.');
  const page = await officeRequest<{ format: number; changes: unknown[]; horizon: string | null }>(cfg.url, cfg.certSha256, 'GET', '/v1/tombstones', undefined, cfg.credential);
  if (page.format !== CHANGE_FORMAT_VERSION) {
    throw new OfficeLinkError('format_mismatch', `The office sends change format ${page.format}; this station reads format ${CHANGE_FORMAT_VERSION}.`);
  }
  store.tx(() => {
    store.remote.apply(page.changes);
    store.officeLink.setWatermark(FROM_START);
  });
  const link = new OfficeLink(store, now);
  let received = 0;
  for (;;) { const p = await link.pullOnce(); received += p.received; if (!p.more) break; }
  // Everything up to the compacted point is now here (what was compacted is gone for good,
  // and every transaction older than it ended long ago): pull on from there.
  const w = store.officeLink.watermark();
  if (page.horizon && (!w || laterWatermark(page.horizon, w))) store.officeLink.setWatermark(page.horizon);
  store.tx(() => store.audit.append(officerId, 'office.resync', { tombstones: page.changes.length, received }, now().toISOString()));
  return { tombstones: page.changes.length, received };
}

/** The administrator's resync (contract office.resync): a failure becomes the officer's sentence. */
export async function resyncForOfficer(store: Store, officerId: string, now: () => Date): Promise<void> {
  try { await resyncFully(store, officerId, now); } catch (err) {
    throw new StationError('office', { reason: err instanceof OfficeLinkError ? err.code : 'office_failed' });
  }
}
