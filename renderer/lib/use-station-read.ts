// A value the screen reads from the station and keeps current: read once, again whenever one
// of the events that may change it arrives, and again when the link comes back (the events
// sent meanwhile were lost). A failed read keeps what was shown.
import { useEffect, useRef, useState } from 'react';
import { onLinkChange } from './station';

/** `subscribe` registers `again` for the events that may change the value; it returns the unsubscribers. */
export function useStationRead<T>(read: () => Promise<T>, subscribe: (again: () => void) => Array<() => void>): T | null {
  const [value, setValue] = useState<T | null>(null);
  // Read through refs: callers pass inline functions, and the reading must not restart on each render.
  const readRef = useRef(read);
  readRef.current = read;
  const subscribeRef = useRef(subscribe);
  subscribeRef.current = subscribe;
  useEffect(() => {
    let alive = true;
    const again = (): void => { readRef.current().then((v) => { if (alive) setValue(v); }, () => undefined); };
    again();
    const offs = [...subscribeRef.current(again), onLinkChange((online) => { if (online) again(); })];
    return () => { alive = false; offs.forEach((off) => off()); };
  }, []);
  return value;
}
