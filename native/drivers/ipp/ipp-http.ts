// IPP over HTTP (RFC 8010 §4): one POST per request, Content-Type application/ipp, the
// encoded request followed by the document as the body. ipps:// is the same over TLS.
// Failures come back as Result errors with the printer's address, never as throws.
import http from 'node:http';
import https from 'node:https';
import { fail, ok } from '../../result';
import type { Result } from '../../result';
import { IPP_KEYS } from './ipp-keys';
import type { IppEndpoint } from './ipp-url';

export interface HttpPostOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  /** Printers on a counter LAN often have self-signed certificates; the technician decides. */
  allowUntrustedTls?: boolean;
  maxResponseBytes?: number;
}

export interface HttpExchange { body: Uint8Array; status: number; sentAt: number; uploadedAt: number; answeredAt: number }

const UNREACHABLE = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'EPIPE', 'EHOSTDOWN']);
const TLS_TRUST = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS_CERT/;

export function postIpp(ep: IppEndpoint, body: Uint8Array, opts: HttpPostOptions): Promise<Result<HttpExchange>> {
  const address = ep.printerUri;
  return new Promise((resolve) => {
    const sentAt = performance.now();
    let uploadedAt = sentAt;
    let settled = false;
    const done = (r: Result<HttpExchange>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      resolve(r);
    };
    const lib = ep.tls ? https : http;
    const req = lib.request(ep.httpUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/ipp', 'Content-Length': String(body.length), Accept: 'application/ipp' },
      ...(ep.tls ? { rejectUnauthorized: !opts.allowUntrustedTls } : {}),
    }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > (opts.maxResponseBytes ?? 4 * 1024 * 1024)) {
          req.destroy();
          done(fail('protocol', IPP_KEYS.badResponse, { address }, 'response too large'));
          return;
        }
        chunks.push(c);
      });
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        if (status !== 200) return done(fail('rejected', IPP_KEYS.httpError, { status, address }, `HTTP ${status}`));
        if (!/^application\/ipp\b/i.test(res.headers['content-type'] ?? '')) {
          return done(fail('protocol', IPP_KEYS.badResponse, { address }, `content-type ${res.headers['content-type'] ?? '(none)'}`));
        }
        done(ok({ body: new Uint8Array(Buffer.concat(chunks)), status, sentAt, uploadedAt, answeredAt: performance.now() }));
      });
      res.on('error', (err) => done(fail('disconnected', IPP_KEYS.unreachable, { address }, err.message)));
    });
    const timer = setTimeout(() => {
      req.destroy();
      done(fail('timeout', IPP_KEYS.timeout, { address }, `no answer in ${opts.timeoutMs} ms`));
    }, opts.timeoutMs);
    const onAbort = () => {
      req.destroy();
      done(fail('cancelled', IPP_KEYS.cancelled, {}, 'aborted by the caller'));
    };
    if (opts.signal?.aborted) return onAbort();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    req.on('error', (err: NodeJS.ErrnoException) => {
      const code = err.code ?? '';
      if (TLS_TRUST.test(code) || TLS_TRUST.test(err.message)) return done(fail('io', IPP_KEYS.tlsUntrusted, { address }, `${code} ${err.message}`));
      if (UNREACHABLE.has(code)) return done(fail('disconnected', IPP_KEYS.unreachable, { address }, `${code} ${err.message}`));
      done(fail('io', IPP_KEYS.unreachable, { address }, `${code} ${err.message}`));
    });
    req.end(Buffer.from(body.buffer, body.byteOffset, body.byteLength), () => { uploadedAt = performance.now(); });
  });
}
