// One station session per browser tab, not per WebSocket. A tab is known by its credential
// (host-access.ts; only that tab's sessionStorage holds it), so a reload, or a socket that
// drops and reconnects, finds the same session: still logged in, the same enrolment open,
// the same request ids remembered. The officer loses nothing to an F5 or a flaky cable.
//
// A tab that goes away (closed, or its computer asleep) leaves a session without sockets:
// it is closed after KEEP_MS, so a tab closed for good does not keep a door open for long,
// and the station's idle lock still applies meanwhile.
import { createHash } from 'node:crypto';
import type { EventName } from './contract';
import type { Station, StationSession } from './station-types';

/** How long a tab's session waits for the tab to come back (a reload takes a second). */
export const KEEP_MS = 5 * 60_000;

type Send = (event: EventName, payload: unknown) => void;

interface Tab {
  opened: Promise<StationSession>;
  sockets: Set<Send>;
  timer: NodeJS.Timeout | null;
}

export interface HostTabs {
  /** A socket of the tab with this credential joins (or starts) the tab's session. */
  join(credential: string, send: Send): { opened: Promise<StationSession>; leave: () => void };
  /** Sessions held, with or without sockets (tests). */
  readonly size: number;
  closeAll(): void;
}

export function createHostTabs(station: Station | Promise<Station>, keepMs = KEEP_MS, log: (line: string) => void = () => undefined): HostTabs {
  const tabs = new Map<string, Tab>();
  const keyOf = (credential: string): string => createHash('sha256').update(credential).digest('hex');

  const end = (key: string, tab: Tab): void => {
    if (tabs.get(key) === tab) tabs.delete(key);
    tab.opened.then((s) => s.close(), () => undefined).catch(() => undefined);
  };

  return {
    join(credential, send) {
      const key = keyOf(credential);
      let tab = tabs.get(key);
      if (!tab) {
        const sockets = new Set<Send>();
        const opened = Promise.resolve(station).then((st) => {
          const session = st.openSession();
          session.onEvent((e, p) => {
            for (const s of sockets) {
              try { s(e, p); } catch { log('Loket browser host: could not pass an event on'); }
            }
          });
          return session;
        });
        tab = { opened, sockets, timer: null };
        tabs.set(key, tab);
      }
      const mine = tab;
      if (mine.timer) { clearTimeout(mine.timer); mine.timer = null; }
      mine.sockets.add(send);
      let left = false;
      return {
        opened: mine.opened,
        leave() {
          if (left) return;
          left = true;
          mine.sockets.delete(send);
          if (mine.sockets.size > 0) return;
          mine.timer = setTimeout(() => end(key, mine), keepMs);
          mine.timer.unref();
        },
      };
    },
    get size() { return tabs.size; },
    closeAll() {
      for (const [key, tab] of tabs) {
        if (tab.timer) clearTimeout(tab.timer);
        end(key, tab);
      }
    },
  };
}
