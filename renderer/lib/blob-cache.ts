// Images kept by the station (document pages, the photo, fingerprint images) are fetched
// once per blob id and kept as data URLs for the life of the window: blobs never change,
// a retake or rescan makes a new one.
import { useEffect, useState } from 'react';
import { call } from './station';
import type { BlobScreen } from '../../domain/blob-access';

const cache = new Map<string, Promise<string>>();

/** `screen`: the screen showing it — the station checks and audits it as the read's reason. */
export function blobDataUrl(id: string, screen: BlobScreen): Promise<string> {
  let p = cache.get(id);
  if (!p) {
    p = call('blob.get', { id, screen }).then((b) => `data:${b.mime};base64,${b.base64}`);
    // A failed fetch is not remembered: the next look tries again.
    p.catch(() => cache.delete(id));
    cache.set(id, p);
  }
  return p;
}

export type BlobState = { state: 'loading' } | { state: 'ready'; url: string } | { state: 'failed'; error: unknown };

export function useBlobUrl(id: string | null, screen: BlobScreen): BlobState {
  const [s, setS] = useState<BlobState>({ state: 'loading' });
  useEffect(() => {
    if (!id) return;
    let alive = true;
    setS({ state: 'loading' });
    blobDataUrl(id, screen).then((url) => { if (alive) setS({ state: 'ready', url }); }, (error: unknown) => { if (alive) setS({ state: 'failed', error }); });
    return () => { alive = false; };
  }, [id, screen]);
  return s;
}
