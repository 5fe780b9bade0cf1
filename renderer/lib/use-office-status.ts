// The office link's state, kept current by office.status events.
import { useEffect, useState } from 'react';
import type { OfficeStatus } from '../../electron/contract-types';
import { call, on, onLinkChange } from './station';

export function useOfficeStatus(): [OfficeStatus | null, (s: OfficeStatus) => void] {
  const [status, setStatus] = useState<OfficeStatus | null>(null);
  useEffect(() => {
    let alive = true;
    const load = (): void => {
      call('office.status', {}).then((s) => { if (alive) setStatus(s); }, () => undefined);
    };
    load();
    const off = on('office.status', (s) => setStatus(s));
    const offLink = onLinkChange((online) => { if (online) load(); });
    return () => { alive = false; off(); offLink(); };
  }, []);
  return [status, setStatus];
}
