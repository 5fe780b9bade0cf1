// The bytes of biometric and document blobs between this station and its office:
//  - send: each blob made here is sealed under the office data key (AES-256-GCM, the blob's
//    id bound as associated data) and uploaded by id in chunks; the office answers where the
//    upload stands, so a weak link resumes at the first byte the office lacks. The sealed
//    form's nonce is derived from the key, the id and the bytes, so a resend after a restart
//    produces the same bytes and continues the same upload.
//  - fetch: a screen that needs bytes this station lacks (the print room reading the photo a
//    counter took) fetches them from the office, opens them with the office key and seals
//    them with this station's own key.
//  - retention: once the office holds a blob and its application was issued, dispatched or
//    cancelled more than the configured days ago, its bytes leave this station (audited per
//    blob); the row stays and says the office holds them.
import { createHash, createHmac, hkdfSync } from 'node:crypto';
import https from 'node:https';
import { normaliseFingerprint } from '../../native/drivers/escl/pinned-https';
import { BlobCipher } from '../store/crypto';
import type { OfficeLinkConfig } from '../store/office-link-repo';
import type { Store } from '../store/store';
import { StationError } from './errors';
import { agentFor, OfficeLinkError } from './office-link';

/** 256 KiB: a chunk crosses a 2 Mbit/s link in about a second, so a drop loses little. */
export const BLOB_CHUNK = 256 * 1024;
export const DEFAULT_RETENTION_DAYS = 30;
const TIMEOUT_MS = 30_000;
const DAY_MS = 86_400_000;

interface BlobState { total: number; received: number; complete: boolean }

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

/**
 * One request to the office's blob addresses; the body and the answer are raw bytes. Every
 * one of them is idempotent, so a kept-alive connection the office closed just as it was
 * reused (after a long seal of a big blob, say) is simply tried once more on a new one.
 */
async function blobRequest(cfg: OfficeLinkConfig, method: 'GET' | 'PUT', path: string, body?: Buffer): Promise<Answer> {
  try {
    return await blobRequestOnce(cfg, method, path, body);
  } catch (err) {
    if (err instanceof StaleSocket) return blobRequestOnce(cfg, method, path, body);
    throw err;
  }
}

class StaleSocket extends Error {}

function blobRequestOnce(cfg: OfficeLinkConfig, method: 'GET' | 'PUT', path: string, body?: Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = https.request(new URL(path, cfg.url), {
      method, agent: agentFor(normaliseFingerprint(cfg.certSha256)), timeout: TIMEOUT_MS,
      headers: { authorization: `Bearer ${cfg.credential}`, ...(body ? { 'content-type': 'application/octet-stream', 'content-length': String(body.length) } : {}) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => resolve({ status: res.statusCode ?? 500, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('timeout', () => req.destroy(new OfficeLinkError('office_unreachable', 'The office did not answer in time; the station keeps the bytes and sends them later.')));
    req.on('error', (err) => {
      if (err instanceof OfficeLinkError) { reject(err); return; }
      const code = (err as { code?: string }).code;
      if (code === 'ECONNRESET' && req.reusedSocket) { reject(new StaleSocket()); return; }
      reject(code === 'ESCL_CERT_CHANGED'
        ? new OfficeLinkError('office_certificate_changed', 'The office presents another certificate than the one paired with. Nothing was sent. If the office was reinstalled, pair this station again; otherwise tell the office administrator.')
        : new OfficeLinkError('office_unreachable', `The office cannot be reached (${code ?? err.message}); the station keeps the bytes and sends them when the link is back.`));
    });
    req.end(body);
  });
}

function failure(r: { status: number; body: Buffer }): OfficeLinkError {
  let err: { code?: string; message?: string } | undefined;
  try { err = (JSON.parse(r.body.toString('utf8')) as { error?: { code?: string; message?: string } }).error; } catch { /* not JSON */ }
  return new OfficeLinkError(err?.code ?? 'office_failed', err?.message ?? `The office answered ${r.status}.`, r.status);
}

async function json<T>(cfg: OfficeLinkConfig, method: 'GET' | 'PUT', path: string, body?: Buffer): Promise<T> {
  const r = await blobRequest(cfg, method, path, body);
  if (r.status >= 400) throw failure(r);
  try { return JSON.parse(r.body.toString('utf8')) as T; } catch {
    throw new OfficeLinkError('office_bad_answer', 'The office answered with something that is not Loket\'s; check the office address.', r.status);
  }
}

export class OfficeBlobs {
  /** Blobs the office refused this run (not a link failure): skipped until the next start. */
  private readonly refused = new Set<string>();

  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
    private readonly retentionDays: () => number = () => DEFAULT_RETENTION_DAYS,
  ) {}

  private config(): OfficeLinkConfig & { dataKey: Buffer } {
    const cfg = this.store.officeLink.link();
    if (!cfg) throw new OfficeLinkError('not_paired', 'This station is not paired with an office; it works alone. An administrator pairs it in Settings with a code from the office service.');
    if (!cfg.dataKey) throw new OfficeLinkError('office_key_missing', 'This station was paired before the office shared its data key, so it cannot send or fetch images. An administrator pairs it again with a new code from the office service.');
    return cfg as OfficeLinkConfig & { dataKey: Buffer };
  }

  /** The blob sealed for the office: the same bytes each time for the same id and content. */
  static sealForOffice(dataKey: Buffer, id: string, plain: Buffer): Buffer {
    const nonceKey = Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'loket office blob nonce v1', 32));
    const nonce = createHmac('sha256', nonceKey).update(id).update('\0').update(createHash('sha256').update(plain).digest()).digest().subarray(0, 12);
    return new BlobCipher(dataKey).seal(plain, id, nonce);
  }

  /** Sends one blob's bytes, resuming where the office stands; marks it held once complete. */
  async upload(id: string, chunk = BLOB_CHUNK): Promise<void> {
    const cfg = this.config();
    const b = this.store.blobs.get(id);
    if (!b) return;
    const sealed = OfficeBlobs.sealForOffice(cfg.dataKey, id, b.data);
    const sha = createHash('sha256').update(sealed).digest('hex');
    const path = `/v1/blobs/${encodeURIComponent(id)}`;
    let state = await json<BlobState>(cfg, 'GET', `${path}/state`);
    if (!state.complete && state.total !== sealed.length) state = { total: sealed.length, received: 0, complete: false };
    while (!state.complete) {
      const from = state.received;
      const part = sealed.subarray(from, Math.min(sealed.length, from + chunk));
      state = await json<BlobState>(cfg, 'PUT', `${path}?offset=${from}&total=${sealed.length}&sha256=${sha}`, part);
      if (!state.complete && state.received <= from) {
        throw new OfficeLinkError('office_bad_answer', 'The office did not take the bytes sent; the station sends them again later.');
      }
    }
    this.store.tx(() => this.store.blobTransfers.markOfficeHeld(id, this.now().toISOString()));
  }

  /** Sends the bytes of every blob made here that the office does not hold yet; how many were sent. */
  async uploadPending(limit = 50): Promise<number> {
    const ids = this.store.blobTransfers.pendingUpload(limit + this.refused.size).filter((id) => !this.refused.has(id)).slice(0, limit);
    if (ids.length === 0) return 0;
    this.config();
    let sent = 0;
    for (const id of ids) {
      try {
        await this.upload(id);
        sent++;
      } catch (err) {
        // One blob the office will not take (damaged on the way, too big) must not hold up
        // the others: it is tried again after the station restarts. A link failure stops the round.
        const status = err instanceof OfficeLinkError ? err.status : 0;
        if (status < 400 || status === 401 || status >= 500) throw err;
        // 409: the office lacks the blob's record yet (made after this round's push): next round.
        if (status !== 409) this.refused.add(id);
      }
    }
    return sent;
  }

  /**
   * Makes sure a blob's bytes are on this station, fetching them from the office when only
   * its row is here. Nothing to do for an unknown blob (the caller answers "not found").
   */
  async ensureHere(id: string, chunk = BLOB_CHUNK): Promise<void> {
    const place = this.store.blobTransfers.place(id);
    if (!place || place.here) return;
    const cfg = this.config();
    const path = `/v1/blobs/${encodeURIComponent(id)}`;
    const parts: Buffer[] = [];
    let got = 0;
    let total = Infinity;
    while (got < total) {
      const r = await blobRequest(cfg, 'GET', `${path}?offset=${got}&length=${chunk}`);
      if (r.status >= 400) throw failure(r);
      total = Number(r.headers['x-blob-total']);
      if (!Number.isSafeInteger(total) || (r.body.length === 0 && got < total)) {
        throw new OfficeLinkError('office_bad_answer', 'The office answered with something that is not Loket\'s; check the office address.', r.status);
      }
      parts.push(r.body);
      got += r.body.length;
    }
    let plain: Buffer;
    try { plain = new BlobCipher(cfg.dataKey).open(Buffer.concat(parts), id); } catch {
      throw new OfficeLinkError('blob_unreadable', 'The bytes the office holds for this image do not open with the office key: they are damaged or belong to another office. Tell the office administrator.');
    }
    const at = this.now().toISOString();
    this.store.tx(() => {
      this.store.blobs.restore(id, plain);
      this.store.blobTransfers.markFetched(id, at);
    });
  }

  /**
   * For a screen about to read a blob: its bytes fetched from the office when only its row is
   * here. A station working alone simply has no bytes (the caller answers "not found"); a
   * failed fetch is a sentence for the officer.
   */
  async need(id: string): Promise<void> {
    if (!this.store.officeLink.link()) return;
    try {
      await this.ensureHere(id);
    } catch (err) {
      throw new StationError('office', { reason: err instanceof OfficeLinkError ? err.code : 'office_failed' });
    }
  }

  /**
   * Removes from this station the bytes the office holds of applications issued, dispatched
   * or cancelled more than the retention days ago; each removal is audited. Returns how many.
   */
  sweep(): number {
    const days = this.retentionDays();
    const now = this.now();
    const cutoff = new Date(now.getTime() - days * DAY_MS).toISOString();
    let removed = 0;
    for (;;) {
      const batch = this.store.blobTransfers.retentionCandidates(cutoff, 200);
      if (batch.length === 0) return removed;
      const at = this.now().toISOString();
      this.store.tx(() => {
        for (const c of batch) {
          this.store.blobTransfers.removeBytes(c.id, at);
          this.store.audit.append(null, 'blob.retention', { blobId: c.id, kind: c.kind, owner: c.ownerId, closedAt: c.closedAt, days }, at);
        }
      });
      removed += batch.length;
    }
  }
}
