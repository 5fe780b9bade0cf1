// Reading request targets and Host headers without throwing: the inputs that ended the
// browser host (`new URL('//a:99999/', base)` throws; so does decodeURIComponent('/%')).
import { describe, expect, it } from 'vitest';
import { allowedHost, parseTarget } from '../../../electron/host-request';
import { createHostAccess, credentialFromProtocols } from '../../../electron/host-access';

describe('parseTarget', () => {
  it('reads origin-form targets', () => {
    expect(parseTarget('/')).toMatchObject({ path: '/' });
    const t = parseTarget('/assets/a%20b.js?code=abc&x=1');
    expect(t?.path).toBe('/assets/a b.js');
    expect(t?.query.get('code')).toBe('abc');
  });

  it('refuses what new URL() or decodeURIComponent would throw on, and absolute-form', () => {
    expect(() => new URL('//a:99999/', 'http://127.0.0.1:1')).toThrow();
    expect(() => decodeURIComponent('/%E0%A4%A')).toThrow();
    for (const raw of ['//a:99999/', 'http://a:b:c/ws', '*', '/%', '/%E0%A4%A', '/a%00b', '', undefined]) {
      expect(parseTarget(raw), String(raw)).toBeNull();
    }
  });
});

describe('allowedHost', () => {
  it('accepts only this port on 127.0.0.1 or localhost', () => {
    expect(allowedHost('127.0.0.1:8080', 8080)).toBe(true);
    expect(allowedHost('LocalHost:8080', 8080)).toBe(true);
    for (const h of ['127.0.0.1', '127.0.0.1:8081', 'evil.example:8080', 'localhost.evil:8080', '[::1]:8080', undefined]) {
      expect(allowedHost(h, 8080), String(h)).toBe(false);
    }
  });
});

describe('host access', () => {
  it('trades a code once, for a credential that stays valid; expired codes fail', () => {
    let now = 0;
    const a = createHostAccess(() => now);
    const code = a.issueCode();
    const c = a.exchange(code);
    expect(c).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.valid(c)).toBe(true);
    expect(a.exchange(code)).toBeNull();
    expect(a.valid('A'.repeat(43))).toBe(false);
    const late = a.issueCode();
    now += 25 * 60 * 60 * 1000;
    expect(a.exchange(late)).toBeNull();
    expect(a.valid(c)).toBe(true);
  });

  it('finds the credential among the offered subprotocols', () => {
    expect(credentialFromProtocols('loket.v1, loket.credential.abc')).toBe('abc');
    expect(credentialFromProtocols(['loket.v1', 'loket.credential.xyz'])).toBe('xyz');
    expect(credentialFromProtocols(undefined)).toBeUndefined();
  });
});
