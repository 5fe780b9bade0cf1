// Keeps this station in step with its office while the link is up, and says how the link
// is: push soon after a local change (checked twice a second), pull when the office says
// something changed (its live WebSocket) and once a minute anyway, and back off while the
// office cannot be reached — the station works alone meanwhile and loses nothing, because
// every change stays in its log until the office has answered for it.
import WebSocket from 'ws';
import { localDate } from '../../domain/dates';
import { PinnedAgent } from '../../native/drivers/escl/pinned-https';
import type { OfficeStatus } from '../contract-types';
import type { Store } from '../store/store';
import { StationError } from './errors';
import { OfficeLink, OfficeLinkError, pairWithOffice } from './office-link';
import { DEFAULT_RETENTION_DAYS, OfficeBlobs } from './office-blobs';

const PUSH_CHECK_MS = 500;
const PULL_EVERY_MS = 60_000;
const MAX_BACKOFF_MS = 60_000;
/** The retention rule looks for bytes to remove once an hour. */
const SWEEP_EVERY_MS = 3_600_000;

export class OfficeSyncService {
  private readonly link: OfficeLink;
  /** Blob bytes to and from the office, and their retention on this station. */
  readonly blobs: OfficeBlobs;
  private lastSweepAt = -Infinity;
  private timer: NodeJS.Timeout | null = null;
  private live: WebSocket | null = null;
  private running = false;
  private pullWanted = true;
  private lastPullAt = 0;
  private retryAt = 0;
  private failures = 0;
  private state: OfficeStatus['state'] = 'not_paired';
  private lastError: OfficeStatus['lastError'] = null;
  private lastSyncAt: string | null = null;
  private lastReported = '';

  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
    /** Remote changes were applied: the queue screens look again. */
    private readonly applied: (date: string) => void,
    /** The link's state changed (status bar). */
    private readonly report: (status: OfficeStatus) => void,
    /** Days an issued or closed application's images stay here once the office holds them. */
    retentionDays: () => number = () => DEFAULT_RETENTION_DAYS,
  ) {
    this.link = new OfficeLink(store, now);
    this.blobs = new OfficeBlobs(store, now, retentionDays);
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => { void this.tick(); }, PUSH_CHECK_MS);
    this.timer.unref();
    void this.tick();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.live?.terminate();
    this.live = null;
  }

  status(): OfficeStatus {
    const cfg = this.store.officeLink.link();
    return {
      paired: cfg !== null,
      officeUrl: cfg?.url ?? null,
      certificate: cfg?.certSha256 ?? null,
      state: cfg ? this.state : 'not_paired',
      waiting: this.store.changes.count(),
      lastSyncAt: this.lastSyncAt,
      lastError: this.lastError,
      refused: this.store.officeLink.refusals().length,
      imagesWaiting: this.store.blobTransfers.pendingCount(),
      officeKey: cfg?.dataKey !== undefined,
    };
  }

  refusals() {
    return this.store.officeLink.refusals();
  }

  /** Pairs with the office (administrator), then syncs at once. */
  async pair(officerId: string, url: string, code: string, stationName: string): Promise<OfficeStatus> {
    try {
      const cfg = await pairWithOffice(this.store, url, code, stationName, this.now());
      this.store.tx(() => this.store.audit.append(officerId, 'office.pair', { office: cfg.officeId, url: cfg.url, certificate: cfg.certSha256 }, this.now().toISOString()));
    } catch (err) {
      throw toStationError(err);
    }
    this.live?.terminate();
    this.live = null;
    this.failures = 0;
    this.retryAt = 0;
    this.pullWanted = true;
    await this.tick();
    return this.status();
  }

  /** Push and pull now (a technician's button; tests). */
  async syncNow(): Promise<OfficeStatus> {
    this.retryAt = 0;
    this.pullWanted = true;
    await this.tick(true);
    if (this.lastError && this.state !== 'online') throw new StationError('office', { reason: this.lastError.code });
    return this.status();
  }

  private async tick(force = false): Promise<void> {
    if (this.running) return;
    const cfg = this.store.officeLink.link();
    if (!cfg) return;
    const t = this.now().getTime();
    if (!force && t < this.retryAt) return;
    this.running = true;
    try {
      let applied = 0;
      if (this.store.changes.count() > 0) await this.link.sync().then((r) => { applied += r.pulled.applied; this.lastPullAt = t; this.pullWanted = false; });
      if (this.pullWanted || t - this.lastPullAt >= PULL_EVERY_MS) {
        this.pullWanted = false;
        this.lastPullAt = t;
        for (;;) { const p = await this.link.pullOnce(); applied += p.applied; if (!p.more) break; }
      }
      if (applied > 0) this.applied(localDate(this.now()));
      // Images after the changes that describe them; then, at most hourly, the retention rule.
      if (cfg.dataKey) await this.blobs.uploadPending();
      if (t - this.lastSweepAt >= SWEEP_EVERY_MS) { this.lastSweepAt = t; this.blobs.sweep(); }
      this.failures = 0;
      this.state = 'online';
      this.lastError = null;
      this.lastSyncAt = this.now().toISOString();
      this.connectLive(cfg.url, cfg.certSha256, cfg.credential);
    } catch (err) {
      this.failures++;
      this.retryAt = t + Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(this.failures, 6));
      const e = err instanceof OfficeLinkError ? err : new OfficeLinkError('office_failed', (err as Error).message);
      this.state = e.code === 'office_unreachable' ? 'offline' : 'error';
      this.lastError = { code: e.code, message: e.message };
    } finally {
      this.running = false;
      this.reportIfChanged();
    }
  }

  private reportIfChanged(): void {
    const s = this.status();
    const key = JSON.stringify([s.state, s.waiting, s.lastError?.code ?? null, s.refused, s.paired]);
    if (key === this.lastReported) return;
    this.lastReported = key;
    this.report(s);
  }

  /** The office's live channel: "something changed" → pull at the next tick. */
  private connectLive(url: string, pin: string, credential: string): void {
    if (this.live) return;
    const wsUrl = url.replace(/^https:/, 'wss:') + '/v1/live';
    const ws = new WebSocket(wsUrl, { agent: new PinnedAgent(pin, false), headers: { authorization: `Bearer ${credential}` }, handshakeTimeout: 10_000 });
    this.live = ws;
    ws.on('message', () => { this.pullWanted = true; void this.tick(true); });
    const drop = () => { if (this.live === ws) this.live = null; };
    ws.on('close', drop);
    ws.on('error', () => { drop(); ws.terminate(); });
  }
}

function toStationError(err: unknown): StationError {
  if (err instanceof OfficeLinkError) return new StationError('office', { reason: err.code });
  return new StationError('office', { reason: 'office_failed' });
}
