// The Electron hardening that can be checked without the Electron runtime: the fuses as
// electron-builder will read them from electron-builder.yml (names checked against its own
// schema), DevTools never in a packaged build, debugger switches refused, the CSP without
// any ws: source, and the basic_text decision for sealing the station key.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/csp';
import { debugSwitchesGiven, devToolsAllowed, keySealDecision } from '../../../electron/shell-policy';

const root = path.resolve(import.meta.dirname, '../../..');
// electron-builder's own YAML reader (js-yaml, a dependency of app-builder-lib; untyped here).
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

describe('electron-builder fuses', () => {
  const config = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as { electronFuses?: Record<string, boolean>; asar?: boolean };
  const schema = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as {
    definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
  };

  it('turns off Node in the packaged app and loads it only from a checked asar', () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
  });

  it('names only fuses electron-builder knows (a misspelt one would be ignored silently)', () => {
    const known = Object.keys(schema.definitions.FuseOptionsV1.properties);
    expect(known).toContain('runAsNode');
    for (const name of Object.keys(config.electronFuses ?? {})) expect(known).toContain(name);
  });
});

describe('DevTools and debugging switches', () => {
  it('allows DevTools only while developing', () => {
    expect(devToolsAllowed(false)).toBe(true);
    expect(devToolsAllowed(true)).toBe(false);
  });

  it('a packaged app names the debugging switches it was given; a development run ignores them', () => {
    const given = new Set(['remote-debugging-port', 'lang']);
    expect(debugSwitchesGiven(true, (s) => given.has(s))).toEqual(['remote-debugging-port']);
    expect(debugSwitchesGiven(true, () => false)).toEqual([]);
    expect(debugSwitchesGiven(false, (s) => given.has(s))).toEqual([]);
  });

  it('main.ts takes DevTools from that rule alone (no environment variable opens them)', () => {
    const main = fs.readFileSync(path.join(root, 'electron/main.ts'), 'utf8');
    expect(main).toMatch(/devTools: devToolsAllowed\(app\.isPackaged\)/);
    expect(main).not.toMatch(/LOKET_DEVTOOLS/);
  });
});

describe('Content-Security-Policy', () => {
  it('connects to our own origin only, with no ws: source, in the header and in the page', () => {
    expect(CONTENT_SECURITY_POLICY).toMatch(/(^|; )connect-src 'self'(;|$)/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/wss?:/);
    for (const page of ['renderer/index.html', 'renderer/print.html']) {
      const html = fs.readFileSync(path.join(root, page), 'utf8');
      const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
      expect(meta, page).toBeDefined();
      expect(meta, page).not.toMatch(/wss?:/);
    }
  });
});

describe('sealing the station key on Linux', () => {
  it('does not seal with basic_text unless an administrator confirmed it', () => {
    expect(keySealDecision('basic_text', false)).toBe('keep_file');
    expect(keySealDecision('basic_text', true)).toBe('seal');
    for (const real of ['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6', undefined]) expect(keySealDecision(real, false)).toBe('seal');
  });
});
