// Blank-book leases at a print station. The office is the one authority over blank books: a
// paired station asks it for a lease (a number of books of a series), assigns only books
// under its leases, extends them while it prints, and returns what it did not use. Offline it
// keeps printing from what it holds; when that runs out it says so. An unpaired station
// works as before, from its own stock.
import type { Store } from '../store/store';
import type { HeldLease } from '../store/book-lease-repo';
import type { LeaseView } from '../lease-types';
import { compareSerials } from '../../domain/stock';
import { StationError } from './errors';
import { OfficeLink, OfficeLinkError, officeRequest } from './office-link';

/**
 * The refusal when a paired station may not assign this book: not under its lease, or its
 * leases are used up. Checked where a book is assigned (StockService.move), so no path
 * around it exists.
 */
export function assertLeased(store: Store, serial: string): void {
  if (!store.officeLink.link()) return;
  if (store.bookLeases.leaseOf(serial)) return;
  const left = blankUnderLeases(store, store.bookLeases.leases());
  if (left === 0) throw new StationError('conflict', { reason: 'lease_used_up', serial });
  throw new StationError('conflict', { reason: 'book_not_leased', serial, left });
}

function blankUnderLeases(store: Store, leases: HeldLease[]): number {
  let n = 0;
  for (const l of leases) for (const s of l.serials) if (store.stock.book(s)?.state === 'in_stock') n++;
  return n;
}

function toStationError(err: unknown): StationError {
  if (err instanceof StationError) return err;
  if (err instanceof OfficeLinkError) return new StationError('office', { reason: err.code });
  return new StationError('office', { reason: 'office_failed' });
}

export class BookLeaseService {
  constructor(private readonly store: Store, private readonly now: () => Date) {}

  view(): LeaseView {
    const leases = this.store.bookLeases.leases().map((l) => {
      const sorted = [...l.serials].sort(compareSerials);
      return { id: l.id, series: l.series, firstSerial: sorted[0] ?? '', lastSerial: sorted.at(-1) ?? '', total: l.serials.length, left: blankUnderLeases(this.store, [l]), expiresAt: l.expiresAt };
    });
    return { paired: this.store.officeLink.link() !== null, leases, left: leases.reduce((n, l) => n + l.left, 0) };
  }

  private cfg() {
    const cfg = this.store.officeLink.link();
    if (!cfg) throw new StationError('office', { reason: 'not_paired' });
    return cfg;
  }

  /** Asks the office for `count` books of `series`; this station's changes go first, so the office knows its deliveries. */
  async request(officerId: string, series: string, count: number): Promise<LeaseView> {
    const cfg = this.cfg();
    try {
      await new OfficeLink(this.store, this.now).sync();
      const lease = await officeRequest<HeldLease>(cfg.url, cfg.certSha256, 'POST', '/v1/leases', { series, count }, cfg.credential);
      const at = this.now().toISOString();
      this.store.tx(() => {
        this.store.bookLeases.setLeases([...this.store.bookLeases.leases().filter((l) => l.id !== lease.id), lease]);
        this.store.audit.append(officerId, 'stock.leaseRequest', { lease: lease.id, series, count: lease.serials.length }, at);
      });
    } catch (err) { throw toStationError(err); }
    return this.view();
  }

  /** Still printing: every held lease runs on, and the office's list of live leases replaces ours. */
  async extend(): Promise<LeaseView> {
    const cfg = this.cfg();
    try {
      for (const l of this.store.bookLeases.leases()) {
        await officeRequest(cfg.url, cfg.certSha256, 'POST', `/v1/leases/${l.id}/extend`, {}, cfg.credential).catch((err: unknown) => {
          if (!(err instanceof OfficeLinkError && err.code === 'lease_not_found')) throw err;
        });
      }
      const { leases } = await officeRequest<{ leases: HeldLease[] }>(cfg.url, cfg.certSha256, 'GET', '/v1/leases', undefined, cfg.credential);
      this.store.tx(() => this.store.bookLeases.setLeases(leases));
    } catch (err) { throw toStationError(err); }
    return this.view();
  }

  /** Gives a lease back: the books still blank here may go to another print station. */
  async giveBack(officerId: string, leaseId: string): Promise<LeaseView> {
    const cfg = this.cfg();
    const lease = this.store.bookLeases.leases().find((l) => l.id === leaseId);
    if (!lease) throw new StationError('not_found');
    const unused = lease.serials.filter((s) => this.store.stock.book(s)?.state === 'in_stock');
    try {
      await officeRequest(cfg.url, cfg.certSha256, 'POST', `/v1/leases/${leaseId}/return`, { unused }, cfg.credential);
    } catch (err) { throw toStationError(err); }
    this.store.tx(() => {
      this.store.bookLeases.setLeases(this.store.bookLeases.leases().filter((l) => l.id !== leaseId));
      this.store.audit.append(officerId, 'stock.leaseReturn', { lease: leaseId, unused: unused.length }, this.now().toISOString());
    });
    return this.view();
  }
}
