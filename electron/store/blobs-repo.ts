// Biometric and document blobs, sealed with the station's data key before they touch disk.
import { randomUUID } from 'node:crypto';
import type { BlobCipher } from './crypto';
import type { Db } from './db';
import type { ChangeLog } from './changelog';

export interface BlobInfo { id: string; ownerType: string; ownerId: string; kind: string; mime: string; meta: Record<string, unknown>; createdAt: string }

export class BlobsRepo {
  constructor(private readonly db: Db, private readonly stationId: string, private readonly cipher: BlobCipher, private readonly changes: ChangeLog) {}

  put(owner: { type: string; id: string }, kind: string, mime: string, plain: Buffer, meta: Record<string, unknown>, at: string): string {
    const id = randomUUID();
    const sealed = this.cipher.seal(plain, id);
    this.db.prepare(
      'INSERT INTO blobs (id, station_id, owner_type, owner_id, kind, mime, sealed, meta, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(id, this.stationId, owner.type, owner.id, kind, mime, sealed, JSON.stringify(meta), at);
    // The change log carries the metadata; the sealed bytes travel separately by the blob's id, never in clear.
    this.changes.created('blobs', id);
    return id;
  }

  get(id: string): { info: BlobInfo; data: Buffer } | undefined {
    const r = this.db.prepare('SELECT * FROM blobs WHERE id = ?').get(id) as
      { id: string; owner_type: string; owner_id: string; kind: string; mime: string; sealed: Buffer | null; meta: string; created_at: string } | undefined;
    // No sealed bytes: the row replicated here, its bytes have not arrived yet.
    if (!r || r.sealed === null) return undefined;
    return {
      info: { id: r.id, ownerType: r.owner_type, ownerId: r.owner_id, kind: r.kind, mime: r.mime, meta: JSON.parse(r.meta) as Record<string, unknown>, createdAt: r.created_at },
      data: this.cipher.open(r.sealed, r.id),
    };
  }

  /** Seals bytes fetched from the office with this station's key, for a row that has none; false if it already had them. */
  restore(id: string, plain: Buffer): boolean {
    return this.db.prepare('UPDATE blobs SET sealed = ? WHERE id = ? AND sealed IS NULL').run(this.cipher.seal(plain, id), id).changes === 1;
  }

  // The time of a removal is the change log's stamp; `at` stays for callers that pass it.
  remove(id: string, _at?: string): void {
    this.changes.track('blobs', id, () => this.db.prepare('DELETE FROM blobs WHERE id = ?').run(id));
  }

  listFor(ownerType: string, ownerId: string): BlobInfo[] {
    const rows = this.db.prepare('SELECT id, owner_type, owner_id, kind, mime, meta, created_at FROM blobs WHERE owner_type = ? AND owner_id = ? ORDER BY created_at').all(ownerType, ownerId) as
      { id: string; owner_type: string; owner_id: string; kind: string; mime: string; meta: string; created_at: string }[];
    return rows.map((r) => ({ id: r.id, ownerType: r.owner_type, ownerId: r.owner_id, kind: r.kind, mime: r.mime, meta: JSON.parse(r.meta) as Record<string, unknown>, createdAt: r.created_at }));
  }
}
