// The browser host and `npm start` must agree on one per-user data directory per platform.
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../../electron/data-dir';

describe('defaultDataDir', () => {
  it('follows XDG on Linux, ignoring a relative XDG_DATA_HOME', () => {
    expect(defaultDataDir({}, 'linux', '/home/ani')).toBe('/home/ani/.local/share/loket');
    expect(defaultDataDir({ XDG_DATA_HOME: '/data/xdg' }, 'linux', '/home/ani')).toBe('/data/xdg/loket');
    expect(defaultDataDir({ XDG_DATA_HOME: 'rel/xdg' }, 'linux', '/home/ani')).toBe('/home/ani/.local/share/loket');
  });

  it('uses %APPDATA%\\Loket on Windows', () => {
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\ani\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ani'))
      .toBe('C:\\Users\\ani\\AppData\\Roaming\\Loket');
    expect(defaultDataDir({}, 'win32', 'C:\\Users\\ani')).toBe('C:\\Users\\ani\\AppData\\Roaming\\Loket');
  });

  it('uses Application Support on macOS', () => {
    expect(defaultDataDir({}, 'darwin', '/Users/ani')).toBe('/Users/ani/Library/Application Support/Loket');
  });
});
