// HTTPS for eSCL scanners, whose certificates are nearly always self-signed: the station
// trusts one exact certificate — the one the technician saw and confirmed (its SHA-256
// fingerprint), pinned on first use — and refuses any other before a byte of the request
// is sent. Without a pin the usual verification against the system's authorities applies.
// The answer is a WHATWG Response, so the eSCL client reads it exactly as a fetch answer.
import type { RequestOptions } from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { Readable } from 'node:stream';
import tls from 'node:tls';
import type { Duplex } from 'node:stream';

/** `AB:CD:…` upper-case hex (Node's fingerprint256 form); any spacing or case in. */
export function normaliseFingerprint(fp: string): string {
  const hex = fp.replace(/[^0-9a-f]/gi, '').toUpperCase();
  return hex.match(/.{2}/g)?.join(':') ?? '';
}

export function isFingerprint(fp: string): boolean {
  return /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/.test(normaliseFingerprint(fp));
}

/** The certificate a TLS peer presents, as the technician confirms it. */
export interface PeerCertificate {
  sha256: string;
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  /** Whether the system's authorities vouch for it (a scanner's own certificate: false). */
  trusted: boolean;
}

/** An error whose `code` says the certificate is not the pinned one. */
export class CertificateMismatch extends Error {
  readonly code = 'ESCL_CERT_CHANGED';
  constructor(readonly presented: string) {
    super(`certificate ${presented} is not the pinned one`);
  }
}

const nameOf = (n: Record<string, string | string[]> | undefined): string =>
  Object.entries(n ?? {}).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : v}`).join(', ');

/** Reads the certificate a host presents, without trusting or sending anything. */
export function fetchPeerCertificate(url: URL, timeoutMs = 5000): Promise<PeerCertificate> {
  return new Promise((resolve, reject) => {
    const port = Number(url.port) || 443;
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const socket = tls.connect({ host, port, rejectUnauthorized: false, ...(isIP(host) ? {} : { servername: host }), timeout: timeoutMs });
    socket.once('secureConnect', () => {
      const c = socket.getPeerCertificate();
      const out: PeerCertificate = {
        sha256: normaliseFingerprint(c.fingerprint256 ?? ''),
        subject: nameOf(c.subject as unknown as Record<string, string>),
        issuer: nameOf(c.issuer as unknown as Record<string, string>),
        validFrom: c.valid_from,
        validTo: c.valid_to,
        trusted: socket.authorized,
      };
      socket.end();
      resolve(out);
    });
    socket.once('timeout', () => socket.destroy(new Error(`TLS handshake with ${host}:${port} timed out`)));
    socket.once('error', reject);
  });
}

/**
 * An agent whose every connection must present the pinned certificate. For a scanner, no
 * keep-alive: each request shakes hands anew (a scan is a handful of requests), so a scanner
 * that restarted with another certificate is caught at once, never hidden behind a stale
 * pooled socket. The office link keeps its connections (thousands of changes an hour); each
 * new one is checked the same way.
 */
export class PinnedAgent extends https.Agent {
  constructor(private readonly pin: string, keepAlive = false) {
    super({ keepAlive });
  }

  override createConnection(options: RequestOptions, done?: (err: Error | null, socket: Duplex) => void): Duplex | undefined {
    const socket = tls.connect({ ...(options as tls.ConnectionOptions), rejectUnauthorized: false });
    let settled = false;
    const finish = (err: Error | null): void => {
      if (settled) return;
      settled = true;
      if (err) {
        socket.destroy();
        done?.(err, socket);
      } else {
        done?.(null, socket);
      }
    };
    socket.once('secureConnect', () => {
      const presented = normaliseFingerprint(socket.getPeerCertificate().fingerprint256 ?? '');
      finish(presented === this.pin ? null : new CertificateMismatch(presented));
    });
    socket.once('error', (err) => finish(err));
    return undefined;
  }
}

const agents = new Map<string, https.Agent>();
const agentFor = (pin: string | undefined): https.Agent => {
  const key = pin ?? '';
  let a = agents.get(key);
  if (!a) {
    a = pin ? new PinnedAgent(pin) : new https.Agent({ keepAlive: false });
    agents.set(key, a);
  }
  return a;
};

const NULL_BODY = new Set([101, 204, 205, 304]);

/** fetch() for one https URL, trusting only `pin` when given. */
export function pinnedFetch(url: URL, init: { method: string; body?: string; headers?: Record<string, string>; signal?: AbortSignal }, pin?: string): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = https.request(url, {
      method: init.method,
      headers: { ...(init.headers ?? {}), ...(init.body !== undefined ? { 'content-length': String(Buffer.byteLength(init.body)) } : {}) },
      agent: agentFor(pin ? normaliseFingerprint(pin) : undefined),
      ...(init.signal ? { signal: init.signal } : {}),
    });
    req.once('error', reject);
    req.once('response', (res) => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
      const status = res.statusCode ?? 500;
      const body = NULL_BODY.has(status) ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>);
      if (!body) res.resume();
      resolve(new Response(body, { status, headers }));
    });
    req.end(init.body);
  });
}
