// Decisions of the Electron shell that need no Electron to be made, so they are tested in
// plain Node (the runtime itself cannot be installed here): when DevTools may open, which
// command-line switches a packaged app refuses, and whether the station key may be sealed
// with the keychain Electron found.

/** DevTools only while developing: never in a packaged build, whatever the environment says. */
export function devToolsAllowed(isPackaged: boolean): boolean {
  return !isPackaged;
}

/**
 * Chromium switches that open the running app to a debugger. The fuses turn off Node's own
 * (--inspect, NODE_OPTIONS); these are Chromium's, which no fuse covers.
 */
export const DEBUG_SWITCHES = ['remote-debugging-port', 'remote-debugging-pipe', 'remote-debugging-address', 'inspect', 'inspect-brk', 'inspect-port', 'js-flags'] as const;

/** The debugging switches a packaged app was started with (it then refuses to start). */
export function debugSwitchesGiven(isPackaged: boolean, hasSwitch: (name: string) => boolean): string[] {
  return isPackaged ? DEBUG_SWITCHES.filter((s) => hasSwitch(s)) : [];
}

/**
 * Linux's safeStorage falls back to 'basic_text' when no desktop keyring answers: the key is
 * then "encrypted" with a password built into Chromium, which hides it from nobody. Sealing
 * with it would only look like protection, so without an administrator's confirmation the
 * key stays where the browser host keeps it (station.key, 0600, this user only).
 */
export type KeySealDecision = 'seal' | 'keep_file';

export const WEAK_BACKENDS: readonly string[] = ['basic_text'];

export function keySealDecision(backend: string | undefined, weakSealConfirmed: boolean): KeySealDecision {
  if (backend !== undefined && WEAK_BACKENDS.includes(backend) && !weakSealConfirmed) return 'keep_file';
  return 'seal';
}
