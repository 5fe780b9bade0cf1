// Where the station keeps its database and key when no --data-dir is given. Plain Node so
// both the browser host CLI and the start script agree on one place per user. The Electron
// app uses its own userData directory instead (see main.ts).
import os from 'node:os';
import path from 'node:path';

/** The per-user data directory for the station, following each platform's convention. */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (platform === 'win32') {
    // APPDATA (Roaming) is where Windows apps keep per-user state; it is always set for a
    // logged-in user, but a service account may lack it.
    const appData = env.APPDATA && path.win32.isAbsolute(env.APPDATA)
      ? env.APPDATA
      : path.win32.join(home, 'AppData', 'Roaming');
    return path.win32.join(appData, 'Loket');
  }
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', 'Loket');
  // XDG says a relative XDG_DATA_HOME is invalid and must be ignored.
  const xdg = env.XDG_DATA_HOME && path.posix.isAbsolute(env.XDG_DATA_HOME) ? env.XDG_DATA_HOME : path.posix.join(home, '.local', 'share');
  return path.posix.join(xdg, 'loket');
}
