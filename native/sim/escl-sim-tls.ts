// A certificate for the eSCL simulator's https mode, made the way a network scanner makes
// its own at first boot: self-signed, for its name and 127.0.0.1. A fresh one each call
// (an EC P-256 key: quick to make), so a test can swap it and see the pin refuse it.
import { X509Certificate } from 'node:crypto';
import { generate } from 'selfsigned';

export interface SimCertificate {
  key: string;
  cert: string;
  /** SHA-256 fingerprint, `AB:CD:…`, as the station shows it. */
  sha256: string;
}

export async function generateSimCertificate(commonName = 'Loket eSCL Simulator'): Promise<SimCertificate> {
  const pems = await generate([{ name: 'commonName', value: commonName }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 365 * 86_400_000),
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] }],
  });
  return { key: pems.private, cert: pems.cert, sha256: new X509Certificate(pems.cert).fingerprint256 };
}
