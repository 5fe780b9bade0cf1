// Who may use the browser host. The printed address carries a one-time code; the page trades
// it (once) for a session credential that it keeps in sessionStorage, which no other local
// origin can read (unlike a cookie, which every port of 127.0.0.1 receives). A copied or
// recorded address is worthless once used. Only hashes are kept, so a lookup's timing says
// nothing about the secret itself.
import { createHash, randomBytes } from 'node:crypto';

/** Unused codes kept at once: the oldest is dropped beyond this (nobody needs more). */
const MAX_OPEN_CODES = 32;
/** An unused code stops working after this long (a printed address left on a screen). */
const CODE_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** Credentials are base64url of 32 random bytes; nothing else is even looked up. */
const CREDENTIAL_SHAPE = /^[A-Za-z0-9_-]{43}$/;
const CODE_SHAPE = /^[A-Za-z0-9_-]{22}$/;

const digest = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export interface HostAccess {
  /** A fresh one-time code for an address (at start, and for `station:address`). */
  issueCode(): string;
  /** Trades a code for a new credential; null when the code is unknown, used or expired. */
  exchange(code: unknown): string | null;
  /** Whether a credential was issued by this run. */
  valid(credential: unknown): boolean;
}

export function createHostAccess(now: () => number = Date.now): HostAccess {
  const codes = new Map<string, number>(); // digest → expiry
  const credentials = new Set<string>(); // digests
  return {
    issueCode() {
      const code = randomBytes(16).toString('base64url');
      codes.set(digest(code), now() + CODE_LIFETIME_MS);
      while (codes.size > MAX_OPEN_CODES) codes.delete(codes.keys().next().value as string);
      return code;
    },
    exchange(code) {
      if (typeof code !== 'string' || !CODE_SHAPE.test(code)) return null;
      const key = digest(code);
      const expiry = codes.get(key);
      // Used up whether or not it was still in time: a code never works twice.
      codes.delete(key);
      if (expiry === undefined || expiry < now()) return null;
      const credential = randomBytes(32).toString('base64url');
      credentials.add(digest(credential));
      return credential;
    },
    valid(credential) {
      return typeof credential === 'string' && CREDENTIAL_SHAPE.test(credential) && credentials.has(digest(credential));
    },
  };
}

/** The WebSocket subprotocol the renderer speaks; the credential rides beside it. */
export const WS_PROTOCOL = 'loket.v1';
/** Prefix of the subprotocol entry that carries the credential (never echoed back). */
export const WS_CREDENTIAL_PREFIX = 'loket.credential.';

/** The credential offered in a Sec-WebSocket-Protocol header, if any. */
export function credentialFromProtocols(header: string | string[] | undefined): string | undefined {
  const all = (Array.isArray(header) ? header.join(',') : header ?? '').split(',').map((p) => p.trim());
  const entry = all.find((p) => p.startsWith(WS_CREDENTIAL_PREFIX));
  return entry?.slice(WS_CREDENTIAL_PREFIX.length);
}

/** The waiting-room display's subprotocol, and the prefix of the entry carrying its token. */
export const WS_DISPLAY_PROTOCOL = 'loket.display.v1';
export const WS_DISPLAY_TOKEN_PREFIX = 'loket.display-token.';

export function displayTokenFromProtocols(header: string | string[] | undefined): string | undefined {
  const all = (Array.isArray(header) ? header.join(',') : header ?? '').split(',').map((p) => p.trim());
  return all.find((p) => p.startsWith(WS_DISPLAY_TOKEN_PREFIX))?.slice(WS_DISPLAY_TOKEN_PREFIX.length);
}
