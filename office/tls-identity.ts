// The office service's TLS identity: a key and self-signed certificate made on first start
// and kept in its data directory (key readable by the service's user only). Stations pin
// this certificate's SHA-256 at pairing, so no certificate authority is involved; a new
// certificate means pairing the stations again, which is why it lasts ten years.
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate } from 'selfsigned';

export interface TlsIdentity { key: string; cert: string; sha256: string }

export async function loadOrCreateIdentity(dir: string, names: string[] = []): Promise<TlsIdentity> {
  const keyFile = path.join(dir, 'office-key.pem');
  const certFile = path.join(dir, 'office-cert.pem');
  if (existsSync(keyFile) && existsSync(certFile)) {
    const cert = readFileSync(certFile, 'utf8');
    return { key: readFileSync(keyFile, 'utf8'), cert, sha256: new X509Certificate(cert).fingerprint256 };
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const dns = [...new Set(['localhost', os.hostname(), ...names])];
  const pems = await generate([{ name: 'commonName', value: `Loket office ${os.hostname()}` }], {
    keyType: 'ec', curve: 'P-256', algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 10 * 365 * 86_400_000),
    extensions: [{ name: 'subjectAltName', altNames: [...dns.map((value) => ({ type: 2 as const, value })), { type: 7 as const, ip: '127.0.0.1' }] }],
  });
  writeFileSync(keyFile, pems.private, { mode: 0o600 });
  writeFileSync(certFile, pems.cert, { mode: 0o644 });
  return { key: pems.private, cert: pems.cert, sha256: new X509Certificate(pems.cert).fingerprint256 };
}
