// What every screen after login needs to know: who is logged in, the station's today, and
// a way to replace the session (language switch, lock, logout) and to leave a notice.
import { createContext, useContext } from 'react';
import type { SessionInfo } from '../../electron/contract-types';
import type { Role } from '../../electron/contract';

export interface Notice { tone: 'ready' | 'problem' | 'info'; text: string }

export interface SessionContextValue {
  session: SessionInfo;
  today: string;
  setSession(next: SessionInfo | null): void;
  hasRole(...roles: Role[]): boolean;
  notify(notice: Notice | null): void;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside a logged-in workspace');
  return ctx;
}
