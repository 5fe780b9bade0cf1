// Discovery of eSCL scanners from recorded mDNS answers. The messages are built here byte by
// byte from RFC 1035 §4 (header, names as length-prefixed labels, resource records) with the
// mDNS cache-flush bit of RFC 6762 §10.2, carrying the DNS-SD records of RFC 6763 (PTR →
// instance, SRV → host:port, TXT key=value) for `_uscan._tcp` and `_uscans._tcp`. They are
// not produced by the DNS library the parser uses, so the test does not check it against itself.
import { describe, expect, it } from 'vitest';
import { scannersFromMessages, txtPairs } from '../../../../../native/drivers/escl/escl-discovery';

const TYPE = { A: 1, PTR: 12, TXT: 16, AAAA: 28, SRV: 33 } as const;
const u16 = (n: number): Buffer => Buffer.from([(n >> 8) & 0xff, n & 0xff]);
const u32 = (n: number): Buffer => Buffer.from([(n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff]);
/** A domain name as labels (no compression): "a.b.local" → 01 'a' 01 'b' 05 'local' 00. */
const name = (n: string): Buffer => {
  // An instance label may hold dots of its own only when escaped; ours have none but spaces.
  const labels = n.split('.').filter(Boolean).map((l) => Buffer.from(l, 'utf8'));
  return Buffer.concat([...labels.flatMap((l) => [Buffer.from([l.length]), l]), Buffer.from([0])]);
};
const rr = (owner: string, type: number, rdata: Buffer, unique: boolean): Buffer =>
  Buffer.concat([name(owner), u16(type), u16((unique ? 0x8000 : 0) | 1), u32(120), u16(rdata.length), rdata]);
const ptr = (owner: string, target: string) => rr(owner, TYPE.PTR, name(target), false);
const srv = (owner: string, port: number, target: string) => rr(owner, TYPE.SRV, Buffer.concat([u16(0), u16(0), u16(port), name(target)]), true);
const txt = (owner: string, pairs: string[]) => rr(owner, TYPE.TXT, Buffer.concat(pairs.map((p) => Buffer.concat([Buffer.from([Buffer.byteLength(p)]), Buffer.from(p)]))), true);
const a = (owner: string, ip: string) => rr(owner, TYPE.A, Buffer.from(ip.split('.').map(Number)), true);
const aaaa = (owner: string, hex: string) => rr(owner, TYPE.AAAA, Buffer.from(hex, 'hex'), true);
/** A response (QR=1, AA=1: flags 0x8400) with answers and additionals, id 0 as mDNS sends. */
const response = (answers: Buffer[], additionals: Buffer[] = []): Buffer =>
  Buffer.concat([u16(0), u16(0x8400), u16(0), u16(answers.length), u16(0), u16(additionals.length), ...answers, ...additionals]);

const OFFICE = 'Office MFP 150-300._uscan._tcp.local';
const officeAnswer = response(
  [ptr('_uscan._tcp.local', OFFICE)],
  [
    srv(OFFICE, 80, 'office-mfp.local'),
    txt(OFFICE, ['txtvers=1', 'ty=Office MFP 150-300', 'rs=eSCL', 'pdl=image/jpeg,application/pdf', 'UUID=4509a320-00a0-008f-00b6-002507510eca', 'is=platen,adf', 'cs=color,grayscale']),
    a('office-mfp.local', '192.168.1.20'),
  ],
);
const SECURE = 'Lantai 2 Scanner._uscans._tcp.local';
const secureAnswer = response(
  [ptr('_uscans._tcp.local', SECURE), srv(SECURE, 9443, 'scanner-l2.local'), txt(SECURE, ['rs=/eSCL/', 'pdl=image/jpeg,image/png', 'UUID=11111111-2222-3333-4444-555555555555', 'ty=Sheetfed 200-400'])],
  [aaaa('scanner-l2.local', 'fd000000000000000000000000000020')],
);

describe('eSCL scanners from recorded mDNS answers', () => {
  it('reads name, URL from SRV/A/TXT rs, formats, sources, UUID and whether it is https', () => {
    expect(scannersFromMessages([officeAnswer, secureAnswer])).toEqual([
      {
        name: 'Lantai 2 Scanner', url: 'https://[fd00::20]:9443/eSCL/', secure: true, host: 'scanner-l2.local', port: 9443,
        uuid: '11111111-2222-3333-4444-555555555555', model: 'Sheetfed 200-400', formats: ['image/jpeg', 'image/png'], sources: [],
      },
      {
        name: 'Office MFP 150-300', url: 'http://192.168.1.20:80/eSCL/', secure: false, host: 'office-mfp.local', port: 80,
        uuid: '4509a320-00a0-008f-00b6-002507510eca', model: 'Office MFP 150-300', formats: ['image/jpeg', 'application/pdf'], sources: ['platen', 'adf'],
      },
    ]);
  });

  it('takes the address from another message and the host name when no address came', () => {
    const split = [response([ptr('_uscan._tcp.local', OFFICE)]), response([srv(OFFICE, 8080, 'office-mfp.local'), txt(OFFICE, ['rs=eSCL'])])];
    expect(scannersFromMessages(split)).toMatchObject([{ url: 'http://office-mfp.local:8080/eSCL/' }]);
    expect(scannersFromMessages([...split, response([a('office-mfp.local', '10.0.0.7')])])).toMatchObject([{ url: 'http://10.0.0.7:8080/eSCL/' }]);
  });

  it('lists a scanner heard twice once, and ignores printers, incomplete instances and noise', () => {
    const printer = response([ptr('_ipp._tcp.local', 'Printer._ipp._tcp.local'), srv('Printer._ipp._tcp.local', 631, 'printer.local')]);
    const noSrv = response([ptr('_uscan._tcp.local', 'Ghost._uscan._tcp.local'), txt('Ghost._uscan._tcp.local', ['rs=eSCL'])]);
    const noise = Buffer.from('not a dns message at all');
    const found = scannersFromMessages([officeAnswer, officeAnswer, printer, noSrv, noise]);
    expect(found.map((s) => s.name)).toEqual(['Office MFP 150-300']);
  });

  it('defaults the root to eSCL when TXT has no rs (RFC 6763: keys are case-insensitive, first one counts)', () => {
    const m = response([ptr('_uscan._tcp.local', OFFICE), srv(OFFICE, 80, 'h.local'), txt(OFFICE, ['TY=First', 'ty=Second'])]);
    expect(scannersFromMessages([m])).toMatchObject([{ url: 'http://h.local:80/eSCL/', model: 'First' }]);
    expect([...txtPairs([Buffer.from('flag'), 'k=v=w'])]).toEqual([['flag', ''], ['k', 'v=w']]);
  });
});
