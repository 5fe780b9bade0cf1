// Reading an HTTP request's target and Host header without trusting either. Nothing here
// throws: a target that cannot be read is `null` and the host answers 400. `new URL()` is
// not used on the raw target on purpose: `//a:99999/` or `http://a:b:c/ws` make it throw.

export interface Target {
  /** The decoded path, always starting with '/'. */
  path: string;
  query: URLSearchParams;
}

/** Origin-form targets only (`/path?query`); absolute-form, `*`, bad escapes and NUL are refused. */
export function parseTarget(raw: string | undefined): Target | null {
  if (typeof raw !== 'string' || !raw.startsWith('/') || raw.startsWith('//')) return null;
  const q = raw.indexOf('?');
  const rawPath = q < 0 ? raw : raw.slice(0, q);
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return null; // `/%`, `/%E0%A4%A`: not a path anyone meant
  }
  if (path.includes('\0')) return null;
  return { path, query: new URLSearchParams(q < 0 ? '' : raw.slice(q + 1)) };
}

/**
 * The Host header must name this host on the loopback address and this port: a page served
 * from any other name that resolves to 127.0.0.1 (DNS rebinding) is refused.
 */
export function allowedHost(host: string | undefined, port: number): boolean {
  if (typeof host !== 'string') return false;
  const h = host.toLowerCase();
  return h === `127.0.0.1:${port}` || h === `localhost:${port}`;
}

/** The origins our own page has (the two names `allowedHost` accepts). */
export function ownOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}
