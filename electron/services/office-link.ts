// The station's side of the office link: pairing once with a code from the office service,
// then pushing this station's change log and pulling the other stations' changes. Over
// HTTPS to the certificate pinned at pairing, with the station's own credential.
//  - push: the log's unsent changes in batches; each change is marked sent only when the
//    office has answered for it (stored or duplicate), so a lost answer means a harmless
//    resend; a change the office refused is kept for the officer to read, not dropped silently.
//  - pull: applied with the watermark in one transaction, so a crash between the two never
//    skips or repeats a batch.
import https from 'node:https';
import zlib from 'node:zlib';
import { CHANGE_FORMAT_VERSION, type Change } from '../../domain/change-format';
import { normalisePairingCode, pairingProof } from '../../domain/office-pairing';
import { newKeyShare, unwrapDataKey, type WrappedDataKey } from '../../domain/office-key-wrap';
import { fetchPeerCertificate, normaliseFingerprint, PinnedAgent } from '../../native/drivers/escl/pinned-https';
import type { OfficeLinkConfig, OfficeRefusal } from '../store/office-link-repo';
import type { Store } from '../store/store';

/** A failure the officer reads: a stable code (for the i18n key) and an English sentence. */
export class OfficeLinkError extends Error {
  constructor(readonly code: string, message: string, readonly status = 0) {
    super(message);
  }
}

export const PUSH_BATCH = 500;
const TIMEOUT_MS = 30_000;

interface PushAck { changeId: string; status: 'stored' | 'duplicate' | 'parked'; code?: string; message?: string }

const agents = new Map<string, https.Agent>();
export function agentFor(pin: string): https.Agent {
  let a = agents.get(pin);
  if (!a) { a = new PinnedAgent(pin, true); agents.set(pin, a); }
  return a;
}

/** Offices that said they read gzip request bodies (their answers carry Accept-Encoding: gzip, RFC 7694). */
const gzipOffices = new Set<string>();
/** Below this a body goes as it is. */
const COMPRESS_FROM_BYTES = 1024;
/** An answer inflates to at most this (a pull page of 1,000 changes is well below). */
const MAX_ANSWER_BYTES = 64 * 1024 * 1024;

/**
 * One JSON request to the office, over a connection that must present `pin`. A kept-alive
 * connection the office closed while idle (its close still on the way over a slow link)
 * fails the request at once with ECONNRESET: that request is sent once more on a new
 * connection — safe, as a push is answered per change id and a pull only reads. Bodies are
 * gzip-compressed once the office has said it reads them (a push shrinks to a tenth, which
 * is what a 2 Mbit/s mobile link notices); an office that then refuses them (415, an older
 * version put back) gets the request again as plain JSON.
 */
export function officeRequest<T>(base: string, pin: string, method: 'GET' | 'POST', path: string, body?: unknown, credential?: string): Promise<T> {
  const origin = new URL(base).origin;
  const attempt = () => requestOnce<T>(base, pin, method, path, body, credential, gzipOffices.has(origin));
  return attempt().catch((err: unknown) => {
    if ((err as { staleSocket?: boolean }).staleSocket) return attempt();
    if (err instanceof OfficeLinkError && err.status === 415 && gzipOffices.delete(origin)) return attempt();
    throw err;
  });
}

function requestOnce<T>(base: string, pin: string, method: 'GET' | 'POST', path: string, body: unknown, credential: string | undefined, compress: boolean): Promise<T> {
  const plain = body === undefined ? undefined : Buffer.from(JSON.stringify(body), 'utf8');
  const packed = plain && compress && plain.length >= COMPRESS_FROM_BYTES ? zlib.gzipSync(plain, { level: zlib.constants.Z_BEST_SPEED }) : undefined;
  const payload = packed ?? plain;
  return new Promise<T>((resolve, reject) => {
    const req = https.request(new URL(path, base), {
      method, agent: agentFor(normaliseFingerprint(pin)), timeout: TIMEOUT_MS,
      headers: {
        accept: 'application/json',
        'accept-encoding': 'gzip',
        ...(payload !== undefined ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}),
        ...(packed ? { 'content-encoding': 'gzip' } : {}),
        ...(credential ? { authorization: `Bearer ${credential}` } : {}),
      },
    }, (res) => {
      if (/\bgzip\b/i.test(String(res.headers['accept-encoding'] ?? ''))) gzipOffices.add(new URL(base).origin);
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        let parsed: unknown;
        try {
          let raw = Buffer.concat(chunks);
          if (String(res.headers['content-encoding'] ?? '').toLowerCase() === 'gzip') raw = zlib.gunzipSync(raw, { maxOutputLength: MAX_ANSWER_BYTES });
          parsed = JSON.parse(raw.toString('utf8'));
        } catch {
          reject(new OfficeLinkError('office_bad_answer', 'The office answered with something that is not Loket\'s; check the office address.', res.statusCode));
          return;
        }
        const err = (parsed as { error?: { code?: string; message?: string } }).error;
        if ((res.statusCode ?? 500) >= 400 || err) {
          reject(new OfficeLinkError(err?.code ?? 'office_failed', err?.message ?? `The office answered ${res.statusCode}.`, res.statusCode));
          return;
        }
        resolve(parsed as T);
      });
    });
    req.on('timeout', () => req.destroy(new OfficeLinkError('office_unreachable', 'The office did not answer in time; the station keeps working alone and tries again.')));
    req.on('error', (err) => {
      if (err instanceof OfficeLinkError) { reject(err); return; }
      const code = (err as { code?: string }).code;
      if (code === 'ECONNRESET' && req.reusedSocket) { reject(Object.assign(err, { staleSocket: true })); return; }
      if (code === 'ESCL_CERT_CHANGED') {
        reject(new OfficeLinkError('office_certificate_changed', 'The office presents another certificate than the one paired with. Nothing was sent. If the office was reinstalled, pair this station again; otherwise tell the office administrator.'));
        return;
      }
      reject(new OfficeLinkError('office_unreachable', `The office cannot be reached (${code ?? err.message}); the station keeps working alone and sends its changes when the link is back.`));
    });
    req.end(payload);
  });
}

/**
 * Pairs this station with the office at `url` using the code its administrator read out.
 * Proves knowledge of the code over the certificate this station sees, checks the office's
 * proof over the same certificate, then pins it.
 */
export async function pairWithOffice(store: Store, url: string, typedCode: string, stationName: string, now = new Date()): Promise<OfficeLinkConfig> {
  const code = normalisePairingCode(typedCode);
  if (!code) throw new OfficeLinkError('pairing_code_invalid', 'A pairing code has 12 letters and digits (for example 7KQ2-M9XD-4TRA). Type it as the office service shows it.');
  let base: URL;
  try { base = new URL(url); } catch { throw new OfficeLinkError('office_url_invalid', 'The office address must look like https://office-pc:8443.'); }
  if (base.protocol !== 'https:') throw new OfficeLinkError('office_url_invalid', 'The office address must start with https://.');
  let seen;
  try { seen = await fetchPeerCertificate(base); } catch (err) {
    throw new OfficeLinkError('office_unreachable', `The office cannot be reached (${(err as { code?: string }).code ?? (err as Error).message}). Check the address and that the office service runs.`);
  }
  const pin = seen.sha256;
  const proof = await pairingProof(code, 'station', pin, store.stationId);
  // A one-time key pair: the office data key comes back wrapped for it (domain/office-key-wrap.ts).
  const share = await newKeyShare();
  const answer = await officeRequest<{ officeId: string; credential: string; proof: string; formats: number[]; dataKey?: WrappedDataKey }>(
    base.toString(), pin, 'POST', '/v1/pair', { stationId: store.stationId, name: stationName, format: CHANGE_FORMAT_VERSION, proof, keyShare: share.publicKey },
  );
  const refused = () => new OfficeLinkError('pairing_refused', 'The office could not prove it knows the pairing code; something between this station and the office may be listening in. Nothing was kept. Tell the office administrator.');
  if (answer.proof !== await pairingProof(code, 'office', pin, store.stationId)) throw refused();
  let dataKey: Buffer;
  try {
    if (!answer.dataKey) throw new Error('no data key');
    dataKey = Buffer.from(await unwrapDataKey(share, answer.dataKey, { code, certSha256: pin, stationId: store.stationId }));
  } catch {
    throw refused();
  }
  const cfg: OfficeLinkConfig = { url: base.origin, officeId: answer.officeId, certSha256: pin, credential: answer.credential, pairedAt: now.toISOString(), dataKey };
  store.officeLink.setLink(cfg);
  return cfg;
}

export interface PushOutcome { sent: number; stored: number; duplicate: number; refused: number }
export interface PullOutcome { received: number; applied: number; more: boolean }

export class OfficeLink {
  constructor(private readonly store: Store, private readonly now: () => Date = () => new Date()) {}

  private config(): OfficeLinkConfig {
    const cfg = this.store.officeLink.link();
    if (!cfg) throw new OfficeLinkError('not_paired', 'This station is not paired with an office; it works alone. An administrator pairs it in Settings with a code from the office service.');
    return cfg;
  }

  /** Sends one batch of unsent changes; marks each as sent only once the office answered for it. */
  async pushOnce(batch = PUSH_BATCH): Promise<PushOutcome> {
    const cfg = this.config();
    const changes: Change[] = this.store.changes.unsent(batch);
    if (changes.length === 0) return { sent: 0, stored: 0, duplicate: 0, refused: 0 };
    const { acks } = await officeRequest<{ acks: PushAck[] }>(cfg.url, cfg.certSha256, 'POST', '/v1/push', { format: CHANGE_FORMAT_VERSION, changes }, cfg.credential);
    const at = this.now().toISOString();
    const known = new Set(changes.map((c) => c.changeId));
    const answered = acks.filter((a) => known.has(a.changeId));
    const refusals: OfficeRefusal[] = answered.filter((a) => a.status === 'parked')
      .map((a) => ({ changeId: a.changeId, code: a.code ?? 'change_refused', message: a.message ?? '', at }));
    this.store.tx(() => {
      // A refused change is answered too: resending it would be refused again. The
      // officer sees it among the refusals, and the office keeps it for its administrator.
      this.store.changes.ack(answered.map((a) => a.changeId), at);
      this.store.officeLink.addRefusals(refusals);
    });
    return {
      sent: changes.length,
      stored: answered.filter((a) => a.status === 'stored').length,
      duplicate: answered.filter((a) => a.status === 'duplicate').length,
      refused: refusals.length,
    };
  }

  /** Fetches and applies one page of the other stations' changes. */
  async pullOnce(): Promise<PullOutcome> {
    const cfg = this.config();
    const after = this.store.officeLink.watermark();
    const page = await officeRequest<{ format: number; changes: unknown[]; watermark: string; more: boolean }>(
      cfg.url, cfg.certSha256, 'GET', `/v1/pull${after ? `?after=${encodeURIComponent(after)}` : ''}`, undefined, cfg.credential,
    );
    if (page.format !== CHANGE_FORMAT_VERSION) {
      throw new OfficeLinkError('format_mismatch', `The office sends change format ${page.format}; this station reads format ${CHANGE_FORMAT_VERSION}. Install the same version of Loket on the station and the office service.`);
    }
    const applied = this.store.tx(() => {
      const out = this.store.remote.apply(page.changes);
      this.store.officeLink.setWatermark(page.watermark);
      return out.filter((o) => o.status === 'applied').length;
    });
    return { received: page.changes.length, applied, more: page.more };
  }

  /** Pushes everything unsent, then pulls until the office has nothing more. */
  async sync(): Promise<{ pushed: PushOutcome; pulled: PullOutcome }> {
    const pushed: PushOutcome = { sent: 0, stored: 0, duplicate: 0, refused: 0 };
    for (;;) {
      const p = await this.pushOnce();
      pushed.sent += p.sent; pushed.stored += p.stored; pushed.duplicate += p.duplicate; pushed.refused += p.refused;
      if (p.sent > 0 && p.stored + p.duplicate + p.refused === 0) {
        throw new OfficeLinkError('office_bad_answer', 'The office answered for none of the changes sent; they stay on this station and are sent again later.');
      }
      if (p.sent < PUSH_BATCH) break;
    }
    const pulled: PullOutcome = { received: 0, applied: 0, more: false };
    for (;;) {
      const p = await this.pullOnce();
      pulled.received += p.received; pulled.applied += p.applied;
      if (!p.more) break;
    }
    return { pushed, pulled };
  }
}
