// ipp:// and ipps:// printer URLs (RFC 3510, RFC 7472) and the HTTP(S) address they are
// reached at: same host and path, port 631 unless given.
export interface IppEndpoint {
  /** The URI named in requests ("printer-uri"). */
  printerUri: string;
  /** Where the HTTP POST goes. */
  httpUrl: URL;
  tls: boolean;
}

export function parseIppUrl(raw: string): IppEndpoint | null {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return null;
  }
  const scheme = u.protocol.replace(/:$/, '');
  if (!['ipp', 'ipps', 'http', 'https'].includes(scheme) || !u.hostname) return null;
  const tls = scheme === 'ipps' || scheme === 'https';
  const port = u.port || (scheme === 'http' ? '80' : scheme === 'https' ? '443' : '631');
  const host = u.hostname.includes(':') && !u.hostname.startsWith('[') ? `[${u.hostname}]` : u.hostname;
  const path = u.pathname && u.pathname !== '/' ? u.pathname : '/ipp/print';
  const httpUrl = new URL(`${tls ? 'https' : 'http'}://${host}:${port}${path}`);
  const printerUri = scheme === 'http' || scheme === 'https' ? `${tls ? 'ipps' : 'ipp'}://${host}:${port}${path}` : `${scheme}://${host}${u.port ? `:${u.port}` : ''}${path}`;
  return { printerUri, httpUrl, tls };
}
