// The store facade the services use: the repositories over one SQLite file, and
// transactions. Services never see SQL or better-sqlite3.
import { TripRepo } from './trip-repo';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { openDatabase, type Db } from './db';
import { BlobCipher, deriveAuditKey } from './crypto';
import { ChangeLog, lastPersistedHlc } from './changelog';
import { ChangeApplier, type ChangeValidator } from './apply-changes';
import { HlcClock } from '../../domain/hlc';
import { AuditRepo } from './audit-repo';
import { AuditQuery } from './audit-query';
import { NumbersQuery } from './numbers-query';
import { ReviewQuery } from './review-query';
import { DispatchQuery } from './dispatch-query';
import { OfficersRepo } from './officers-repo';
import { SettingsRepo } from './settings-repo';
import { AppointmentsRepo } from './appointments-repo';
import { BlobsRepo } from './blobs-repo';
import { ImportsRepo } from './imports-repo';
import { EnrolmentsRepo } from './enrolments-repo';
import { DevicesRepo } from './devices-repo';
import { OfficeLinkRepo } from './office-link-repo';
import { QueueCallsRepo } from './queue-calls-repo';
import { DraftsRepo } from './drafts-repo';
import { StockRepo } from './stock-repo';
import { BookLeaseRepo } from './book-lease-repo';
import { BlobTransfersRepo } from './blob-transfers-repo';
import { withPrivateStoreFiles } from './file-modes';

import { DB_FILE_NAME } from './file-names';
export { DB_FILE_NAME };

export interface StoreOptions {
  dataDir: string;
  dataKey: Buffer;
  nativeBinding?: string;
  /** The physical clock for the hybrid logical clock (tests move it; default Date.now). */
  physicalClock?: () => number;
  /** The office's rules for remote changes (workflow, frozen fields); none yet. */
  validateRemote?: ChangeValidator;
}

export class Store {
  readonly stationId: string;
  /** The replicable change log of every write to a replicated table (replication.ts). */
  readonly changes: ChangeLog;
  /** Applies changes made at other stations. */
  readonly remote: ChangeApplier;
  readonly audit: AuditRepo;
  readonly auditLog: AuditQuery;
  readonly numbers: NumbersQuery;
  readonly review: ReviewQuery;
  readonly officers: OfficersRepo;
  readonly settings: SettingsRepo;
  readonly appointments: AppointmentsRepo;
  readonly blobs: BlobsRepo;
  readonly imports: ImportsRepo;
  readonly enrolments: EnrolmentsRepo;
  readonly devices: DevicesRepo;
  /** Where this station's office is and how far it has pulled (local, never replicated). */
  readonly officeLink: OfficeLinkRepo;
  readonly queueCalls: QueueCallsRepo;
  readonly drafts: DraftsRepo;
  readonly stock: StockRepo;
  readonly bookLeases: BookLeaseRepo;
  /** The day's parcels sent by post (the dispatch manifest). */
  readonly dispatches: DispatchQuery;
  /** A mobile unit's trip (local, never replicated). */
  readonly trip: TripRepo;
  /** Where each blob's bytes stand between this station and its office (local). */
  readonly blobTransfers: BlobTransfersRepo;

  private constructor(private readonly db: Db, dataKey: Buffer, physicalClock: () => number, validateRemote?: ChangeValidator) {
    this.stationId = stationIdOf(db);
    const clock = new HlcClock(this.stationId, physicalClock, lastPersistedHlc(db));
    this.changes = new ChangeLog(db, this.stationId, clock, physicalClock);
    const at = () => new Date(physicalClock()).toISOString();
    this.remote = new ChangeApplier(db, this.changes, clock, physicalClock, validateRemote,
      (list) => this.officeLink.addRefusals(list.map((r) => ({ ...r, from: 'station' as const, at: at() }))));
    this.audit = new AuditRepo(db, this.stationId, deriveAuditKey(dataKey));
    this.auditLog = new AuditQuery(db);
    this.numbers = new NumbersQuery(db);
    this.review = new ReviewQuery(db);
    this.officers = new OfficersRepo(db, this.stationId, this.changes);
    this.settings = new SettingsRepo(db, this.changes);
    this.appointments = new AppointmentsRepo(db, this.stationId, this.changes);
    const cipher = new BlobCipher(dataKey);
    this.blobs = new BlobsRepo(db, this.stationId, cipher, this.changes);
    this.imports = new ImportsRepo(db, this.stationId, this.changes);
    this.enrolments = new EnrolmentsRepo(db, this.stationId, this.changes);
    this.devices = new DevicesRepo(db);
    this.officeLink = new OfficeLinkRepo(db, cipher);
    this.queueCalls = new QueueCallsRepo(db, this.stationId, this.changes);
    this.drafts = new DraftsRepo(db);
    this.stock = new StockRepo(db, this.stationId, this.changes);
    this.bookLeases = new BookLeaseRepo(db);
    this.dispatches = new DispatchQuery(db);
    this.trip = new TripRepo(db);
    this.blobTransfers = new BlobTransfersRepo(db, this.stationId);
  }

  static open(opts: StoreOptions): Store {
    const file = path.join(opts.dataDir, DB_FILE_NAME);
    const db = withPrivateStoreFiles(file, () => openDatabase(file, { nativeBinding: opts.nativeBinding }));
    try {
      const store = new Store(db, opts.dataKey, opts.physicalClock ?? Date.now, opts.validateRemote);
      store.changes.baseline();
      // A chain written before the audit key existed is anchored now (see audit-repo.ts).
      store.tx(() => store.audit.ensureKeyed(new Date().toISOString()));
      return store;
    } catch (err) {
      db.close();
      throw err;
    }
  }

  /** Runs fn in one immediate transaction: all of it is written, or none. */
  tx<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  close(): void {
    if (this.db.open) this.changes.persistClock();
    this.db.close();
  }
}

/** The station's own id, created once with the store and kept for its lifetime. */
function stationIdOf(db: Db): string {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'station_id'").get() as { value: string } | undefined;
  if (row) return row.value;
  const id = randomUUID();
  db.prepare("INSERT INTO meta (key, value) VALUES ('station_id', ?)").run(id);
  return id;
}
