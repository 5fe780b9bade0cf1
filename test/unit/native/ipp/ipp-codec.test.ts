// The IPP encoding checked byte for byte against RFC 8010 Appendix A: each example decodes
// to the attributes its table names, and encoding those attributes gives back the RFC's
// octets. Malformed input is refused with a reason, never a throw.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { attr, decodeMessage, encodeMessage, v } from '../../../../native/drivers/ipp/ipp-codec';
import type { IppMessage } from '../../../../native/drivers/ipp/ipp-codec';
import { GROUP, OP, STATUS, TAG } from '../../../../native/drivers/ipp/ipp-constants';

/** Sections of the fixture: "== title", then one field per line (hex, or "ascii"), # comments. */
function rfcExamples(): Map<string, Uint8Array> {
  const text = readFileSync(path.join(import.meta.dirname, '../../../fixtures/ipp/rfc8010-appendix-a.txt'), 'utf8');
  const out = new Map<string, Uint8Array>();
  let current: number[] | null = null;
  for (const rawLine of text.split('\n')) {
    const line = rawLine.replace(/\s+#.*$/, '').replace(/^#.*$/, '').trim();
    if (!line) continue;
    const section = /^== (A\.\d+)/.exec(line);
    if (section) { current = []; out.set(section[1]!, current as unknown as Uint8Array); continue; }
    if (!current) throw new Error(`field before a section: ${line}`);
    const quoted = /^"(.*)"$/.exec(line);
    if (quoted) current.push(...Buffer.from(quoted[1]!, 'latin1'));
    else if (/^([0-9a-f]{2})+$/i.test(line)) current.push(...Buffer.from(line, 'hex'));
    else throw new Error(`bad fixture line: ${line}`);
  }
  return new Map([...out].map(([k, b]) => [k, Uint8Array.from(b as unknown as number[])]));
}

const examples = rfcExamples();
const PRINTER = 'ipp://printer.example.com/ipp/print/pinetree';
const opHeader = [attr('attributes-charset', v.charset('utf-8')), attr('attributes-natural-language', v.language('en-us'))];
const ascii = (s: string) => new TextEncoder().encode(s);

const expected: Record<string, IppMessage> = {
  'A.1': {
    version: [1, 1], code: OP.printJob, requestId: 1,
    groups: [
      { tag: GROUP.operation, attributes: [...opHeader, attr('printer-uri', v.uri(PRINTER)), attr('job-name', v.name('foobar')), attr('ipp-attribute-fidelity', v.boolean(true))] },
      { tag: GROUP.job, attributes: [attr('copies', v.integer(20)), attr('sides', v.keyword('two-sided-long-edge'))] },
    ],
    data: ascii('%!PDF...'),
  },
  'A.2': {
    version: [1, 1], code: STATUS.successfulOk, requestId: 1,
    groups: [
      { tag: GROUP.operation, attributes: [...opHeader, attr('status-message', v.text('successful-ok'))] },
      { tag: GROUP.job, attributes: [attr('job-id', v.integer(147)), attr('job-uri', v.uri(`${PRINTER}/147`)), attr('job-state', v.enum(3))] },
    ],
  },
  'A.3': {
    version: [1, 1], code: STATUS.clientErrorAttributesOrValuesNotSupported, requestId: 1,
    groups: [
      { tag: GROUP.operation, attributes: [...opHeader, attr('status-message', v.text('client-error-attributes-or-values-not-supported'))] },
      { tag: GROUP.unsupported, attributes: [attr('copies', v.integer(20)), attr('sides', v.outOfBand(TAG.unsupported))] },
    ],
  },
  'A.4': {
    version: [1, 1], code: STATUS.successfulOkIgnoredOrSubstituted, requestId: 1,
    groups: [
      { tag: GROUP.operation, attributes: [...opHeader, attr('status-message', v.text('successful-ok-ignored-or-substituted-attributes'))] },
      { tag: GROUP.unsupported, attributes: [attr('copies', v.integer(20)), attr('sides', v.outOfBand(TAG.unsupported))] },
      { tag: GROUP.job, attributes: [attr('job-id', v.integer(147)), attr('job-uri', v.uri(`${PRINTER}/147`)), attr('job-state', v.enum(3))] },
    ],
  },
  'A.7': {
    version: [1, 1], code: OP.createJob, requestId: 1,
    groups: [
      { tag: GROUP.operation, attributes: [...opHeader, attr('printer-uri', v.uri(PRINTER))] },
      { tag: GROUP.job, attributes: [attr('media-col', v.collection(
        attr('media-size', v.collection(attr('x-dimension', v.integer(21000)), attr('y-dimension', v.integer(29700)))),
        attr('media-type', v.keyword('stationery')),
      ))] },
    ],
  },
  'A.8': {
    version: [1, 1], code: OP.getJobs, requestId: 123,
    groups: [{ tag: GROUP.operation, attributes: [...opHeader, attr('printer-uri', v.uri(PRINTER)), attr('limit', v.integer(50)),
      attr('requested-attributes', v.keyword('job-id'), v.keyword('job-name'), v.keyword('document-format'))] }],
  },
  'A.9': {
    version: [1, 1], code: STATUS.successfulOk, requestId: 123,
    groups: [
      { tag: GROUP.operation, attributes: [...opHeader, attr('status-message', v.text('successful-ok'))] },
      { tag: GROUP.job, attributes: [attr('job-id', v.integer(147)), attr('job-name', v.nameWithLanguage('fr-ca', 'fou'))] },
      { tag: GROUP.job, attributes: [] },
      { tag: GROUP.job, attributes: [attr('job-id', v.integer(149)), attr('job-name', v.nameWithLanguage('de-CH', 'isch guet'))] },
    ],
  },
};

describe('IPP encoding against RFC 8010 Appendix A', () => {
  it('has every example the test expects in the fixture', () => {
    expect([...examples.keys()].sort()).toEqual(Object.keys(expected).sort());
  });

  for (const [name, message] of Object.entries(expected)) {
    it(`${name}: encodes to the RFC's octets`, () => {
      expect(Buffer.from(encodeMessage(message)).toString('hex')).toBe(Buffer.from(examples.get(name)!).toString('hex'));
    });
    it(`${name}: decodes the RFC's octets to the same attributes`, () => {
      const r = decodeMessage(examples.get(name)!);
      if (!r.ok) throw new Error(r.reason);
      expect(r.message).toEqual(message);
    });
  }
});

describe('IPP decoding of bad input', () => {
  const good = examples.get('A.2')!;
  const refuse = (bytes: Uint8Array) => {
    const r = decodeMessage(bytes);
    expect(r.ok).toBe(false);
    return r.ok ? '' : r.reason;
  };

  it('refuses every truncation of a valid message without throwing', () => {
    for (let n = 0; n < good.length; n++) refuse(good.subarray(0, n));
  });
  it('refuses an integer of the wrong size, a boolean that is neither 0 nor 1, and text that is not UTF-8', () => {
    const head = [0x01, 0x01, 0x00, 0x0b, 0, 0, 0, 1, 0x01];
    const one = (tag: number, name: string, value: number[]) => Uint8Array.from([...head, tag, 0, name.length, ...ascii(name), 0, value.length, ...value, 0x03]);
    expect(refuse(one(0x21, 'copies', [0, 0, 1]))).toMatch(/needs 4 bytes/);
    expect(refuse(one(0x22, 'x', [2]))).toMatch(/boolean/);
    expect(refuse(one(0x41, 'job-name', [0xff, 0xfe]))).toMatch(/UTF-8/);
    expect(refuse(Uint8Array.from([...head.slice(0, 8), 0x00, 0x03]))).toMatch(/0x00/);
    expect(refuse(Uint8Array.from([...head.slice(0, 8), 0x44, 0, 0, 0, 1, 0x61, 0x03]))).toMatch(/before any group/);
  });
  it('refuses a member name outside a collection and collections nested without end', () => {
    const head = [0x01, 0x01, 0x00, 0x0b, 0, 0, 0, 1, 0x02];
    expect(refuse(Uint8Array.from([...head, 0x4a, 0, 0, 0, 1, 0x61, 0x03]))).toMatch(/outside a collection/);
    const deep = [...head];
    for (let i = 0; i < 12; i++) deep.push(0x34, 0, i === 0 ? 1 : 0, ...(i === 0 ? [0x6d] : []), 0, 0, 0x4a, 0, 0, 0, 1, 0x6d);
    expect(refuse(Uint8Array.from(deep))).toMatch(/too deeply|ends early/);
  });
  it('reads repeated groups and leaves the rest of the body as the document', () => {
    const r = decodeMessage(examples.get('A.1')!);
    expect(r.ok && new TextDecoder().decode(r.message.data)).toBe('%!PDF...');
  });
});
