// This station's link to its office, kept in the store's local meta (never replicated):
// where the office is, the certificate pinned at pairing, the station's credential (sealed
// with the store's data key, so a copied database file does not carry a usable secret),
// how far the station has pulled, and the changes the office refused (for the officer).
import type { Db } from './db';
import type { BlobCipher } from './crypto';

export interface OfficeLinkConfig {
  url: string;
  officeId: string;
  /** SHA-256 of the office's certificate, `AB:CD:…`, pinned at pairing. */
  certSha256: string;
  credential: string;
  pairedAt: string;
  /** The office data key (32 bytes), received wrapped at pairing; kept sealed like the credential. */
  dataKey?: Buffer;
}

/**
 * A change that was not taken: refused by the office when pushed (`code` under
 * `error.reason.`), or refused here when pulled from another station (`from: 'station'`,
 * `code` under `changelog.`, with its parameters).
 */
export interface OfficeRefusal { changeId: string; code: string; message: string; at: string; from?: 'office' | 'station'; params?: Record<string, string | number> }

const LINK = 'office_link';
const SEALED = 'office_credential';
const WATERMARK = 'office_watermark';
const REFUSALS = 'office_refusals';
const BOUND = 'office-link-credential';
const DATA_KEY = 'office_data_key';
const DATA_KEY_BOUND = 'office-data-key';
/** The newest refusals kept for the officer to read. */
const MAX_REFUSALS = 200;

export class OfficeLinkRepo {
  constructor(private readonly db: Db, private readonly cipher: BlobCipher) {}

  private get(key: string): string | undefined {
    return (this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  private put(key: string, value: string): void {
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  link(): OfficeLinkConfig | null {
    const raw = this.get(LINK);
    const sealed = this.get(SEALED);
    if (!raw || !sealed) return null;
    const credential = this.cipher.open(Buffer.from(sealed, 'base64'), BOUND).toString('utf8');
    const key = this.get(DATA_KEY);
    const dataKey = key ? this.cipher.open(Buffer.from(key, 'base64'), DATA_KEY_BOUND) : undefined;
    return { ...(JSON.parse(raw) as Omit<OfficeLinkConfig, 'credential'>), credential, ...(dataKey ? { dataKey } : {}) };
  }

  /** A new pairing replaces the old one and starts pulling from the beginning. */
  setLink(cfg: OfficeLinkConfig): void {
    this.db.transaction(() => {
      const { credential, dataKey, ...rest } = cfg;
      this.put(LINK, JSON.stringify(rest));
      this.put(SEALED, this.cipher.seal(Buffer.from(credential, 'utf8'), BOUND).toString('base64'));
      if (dataKey) this.put(DATA_KEY, this.cipher.seal(dataKey, DATA_KEY_BOUND).toString('base64'));
      else this.db.prepare('DELETE FROM meta WHERE key = ?').run(DATA_KEY);
      this.db.prepare('DELETE FROM meta WHERE key = ?').run(WATERMARK);
    })();
  }

  watermark(): string | null {
    return this.get(WATERMARK) ?? null;
  }

  setWatermark(w: string): void {
    this.put(WATERMARK, w);
  }

  refusals(): OfficeRefusal[] {
    const raw = this.get(REFUSALS);
    return raw ? JSON.parse(raw) as OfficeRefusal[] : [];
  }

  addRefusals(list: OfficeRefusal[]): void {
    if (list.length === 0) return;
    const known = this.refusals();
    const seen = new Set(known.map((r) => r.changeId));
    this.put(REFUSALS, JSON.stringify([...known, ...list.filter((r) => !seen.has(r.changeId))].slice(-MAX_REFUSALS)));
  }
}
