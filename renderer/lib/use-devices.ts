// The station's device slots, kept current by device.status events.
import { useEffect, useState } from 'react';
import type { DeviceSlot } from '../../electron/contract-types';
import { call, on, onLinkChange } from './station';

export function useDevices(): DeviceSlot[] {
  const [slots, setSlots] = useState<DeviceSlot[]>([]);
  useEffect(() => {
    let alive = true;
    const load = (): void => {
      call('devices.slots', {}).then((s) => { if (alive) setSlots(s); }, () => undefined);
    };
    load();
    const offStatus = on('device.status', (slot) => {
      setSlots((prev) => {
        // 'not_configured' is how the station says a device was removed.
        if (slot.state === 'not_configured') return prev.filter((s) => s.id !== slot.id);
        const i = prev.findIndex((s) => s.id === slot.id);
        if (i < 0) return [...prev, slot];
        const next = prev.slice();
        next[i] = slot;
        return next;
      });
    });
    // After the link comes back the events in between were lost: read the slots again.
    const offLink = onLinkChange((online) => { if (online) load(); });
    return () => { alive = false; offStatus(); offLink(); };
  }, []);
  return slots;
}
