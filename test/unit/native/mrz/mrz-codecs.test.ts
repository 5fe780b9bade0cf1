import { describe, expect, it } from 'vitest';
import { LineSplitter } from '../../../../native/drivers/mrz/line-splitter';
import { MrzLineAssembler } from '../../../../native/drivers/mrz/mrz-line-assembler';
import { BCC_RULES, RteDecoder, computeBcc, encodeRteFrame, unpadRteLines } from '../../../../native/drivers/mrz/rte-codec';
import { HidKeyboardDecoder, encodeKeyboardReports } from '../../../../native/drivers/mrz/hid-keyboard-codec';
import { HidTextReportDecoder, encodeTextReports } from '../../../../native/drivers/mrz/hid-text-report-codec';
import { MRZ_SPECIMENS } from '../../../../native/sim/mrz-sim';

const TD3 = [...MRZ_SPECIMENS.TD3];
const TD1 = [...MRZ_SPECIMENS.TD1];
const TD2 = [...MRZ_SPECIMENS.TD2];

describe('LineSplitter', () => {
  it('ends lines on CR, LF and CR LF, also when CR LF is split across chunks', () => {
    const s = new LineSplitter();
    expect(s.push(Buffer.from('AB\rCD\r'))).toEqual(['AB', 'CD']);
    expect(s.push(Buffer.from('\nEF\n'))).toEqual(['EF']);
    expect(s.push(Buffer.from('GH\r\nIJ'))).toEqual(['GH']);
    expect(s.takePartial()).toBe('IJ');
    expect(s.takePartial()).toBeUndefined();
  });
  it('cuts a runaway line instead of growing without end', () => {
    expect(new LineSplitter(8).push(Buffer.alloc(20, 0x41))).toEqual(['AAAAAAAA', 'AAAAAAAA']);
  });
});

describe('MrzLineAssembler', () => {
  const feed = (a: MrzLineAssembler, lines: string[]) => lines.flatMap((l) => a.pushLine(l));
  it('collects 2 lines of 44 (TD3), 2 of 36 (TD2) and 3 of 30 (TD1)', () => {
    const a = new MrzLineAssembler();
    expect(feed(a, [...TD3, ...TD2, ...TD1])).toEqual([
      { kind: 'document', format: 'TD3', lines: TD3 },
      { kind: 'document', format: 'TD2', lines: TD2 },
      { kind: 'document', format: 'TD1', lines: TD1 },
    ]);
  });
  it('ignores blank lines and surrounding spaces', () => {
    expect(feed(new MrzLineAssembler(), ['', ` ${TD3[0]} `, '', TD3[1]!])).toEqual([{ kind: 'document', format: 'TD3', lines: TD3 }]);
  });
  it('names a truncated or overlong line, with its number and lengths', () => {
    expect(feed(new MrzLineAssembler(), [TD3[0]!, TD3[1]!.slice(0, 41)])).toEqual([
      { kind: 'rejected', key: 'mrz.lineTooShort', params: { line: 2, found: 41, expected: 44 }, raw: [TD3[0], TD3[1]!.slice(0, 41)] },
    ]);
    expect(feed(new MrzLineAssembler(), [TD3[0]! + '<<'])[0]).toMatchObject({ key: 'mrz.lineTooLong', params: { line: 1, found: 46, expected: 44 } });
  });
  it('names a bad character in a line of the right length', () => {
    expect(feed(new MrzLineAssembler(), [TD3[0]!.replace('ANNA', 'Anna')])[0]).toMatchObject({ key: 'mrz.badCharacter', params: { line: 1, position: 17, char: 'n' } });
  });
  it('drops a few stray bytes as stray, calls noise garbage, and recovers for the next document', () => {
    const a = new MrzLineAssembler();
    expect(feed(a, ['\u0000\u00ff\u0013', ...TD3])).toEqual([
      { kind: 'dropped', count: 3, classes: { control: 2, nonAscii: 1, text: 0 } },
      { kind: 'document', format: 'TD3', lines: TD3 },
    ]);
    expect(feed(a, ['#?!', ...TD3])).toEqual([
      { kind: 'rejected', key: 'device.mrz.garbage', params: { length: 3 }, raw: ['#?!'] },
      { kind: 'document', format: 'TD3', lines: TD3 },
    ]);
  });
  it('reports a document interrupted by another, and one left incomplete at silence', () => {
    const a = new MrzLineAssembler();
    expect(feed(a, [TD1[0]!, TD1[1]!, ...TD3])).toEqual([
      { kind: 'rejected', key: 'device.mrz.incomplete', params: { found: 2, expected: 3 }, raw: TD1.slice(0, 2) },
      { kind: 'document', format: 'TD3', lines: TD3 },
    ]);
    a.pushLine(TD3[0]!);
    expect(a.flush()).toEqual([{ kind: 'rejected', key: 'device.mrz.incomplete', params: { found: 1, expected: 2 }, raw: [TD3[0]] }]);
    expect(a.flush()).toEqual([]);
  });
});

describe('3M RTE frames', () => {
  it('encodes SOH, length, "OU", STX, flag, CR-ended lines, ETX, BCC', () => {
    const f = encodeRteFrame(TD3, { flag: 0x30 });
    expect([...f.subarray(0, 7)]).toEqual([0x01, 91, 0, 0x4f, 0x55, 0x02, 0x30]);
    expect(f.subarray(7, 7 + 45).toString('latin1')).toBe(TD3[0] + '\r');
    expect(f[f.length - 2]).toBe(0x03);
    let x = 0;
    for (const b of f.subarray(6, f.length - 1)) x ^= b;
    expect(f[f.length - 1]).toBe(x);
  });

  it('decodes frames split into small chunks, with garbage in between', () => {
    const d = new RteDecoder();
    const bytes = Buffer.concat([Buffer.from([0xff, 0x13]), encodeRteFrame(TD3), Buffer.from('xx'), encodeRteFrame(TD1)]);
    const events = [];
    for (let i = 0; i < bytes.length; i += 5) events.push(...d.push(bytes.subarray(i, i + 5)));
    const frames = events.filter((e) => e.kind === 'frame');
    expect(frames.map((e) => e.kind === 'frame' && e.frame.lines)).toEqual([TD3, TD1]);
    expect(frames.every((e) => e.kind === 'frame' && e.frame.bcc.verified && e.frame.lengthRule === 'flag+text')).toBe(true);
    expect(events.filter((e) => e.kind === 'garbage').length).toBeGreaterThan(0);
  });

  it('verifies a BCC under any of the plausible rules and pins the first that matches', () => {
    for (const rule of BCC_RULES) {
      const d = new RteDecoder();
      const [ev] = d.push(encodeRteFrame(TD3, { bccRule: rule }));
      expect(ev?.kind === 'frame' && ev.frame.bcc.verified, rule).toBe(true);
      const f = encodeRteFrame(TD3, { bccRule: rule });
      expect(computeBcc(f, d.bccRule!, f.length - 2)).toBe(f[f.length - 1]);
    }
  });

  it('marks a frame whose BCC no rule verifies', () => {
    const [ev] = new RteDecoder().push(encodeRteFrame(TD3, { breakBcc: true }));
    expect(ev?.kind === 'frame' && ev.frame.bcc.verified).toBe(false);
    expect(ev?.kind === 'frame' && ev.frame.lines).toEqual(TD3);
  });

  it('waits for the BCC byte after ETX', () => {
    const d = new RteDecoder();
    const f = encodeRteFrame(TD3);
    expect(d.push(f.subarray(0, f.length - 1))).toEqual([]);
    expect(d.push(f.subarray(f.length - 1))).toHaveLength(1);
  });

  it('drops a false start (SOH without "OU") and keeps going', () => {
    const events = new RteDecoder().push(Buffer.concat([Buffer.from([0x01, 0x10, 0x00, 0x41, 0x41, 0x41, 0x41]), encodeRteFrame(TD3)]));
    expect(events.filter((e) => e.kind === 'frame')).toHaveLength(1);
  });

  it('undoes the padding of TD2 lines to 44 and drops empty line slots', () => {
    expect(unpadRteLines(['', ...TD2.map((l) => l.padEnd(44, '<'))])).toEqual(TD2);
    expect(unpadRteLines(TD3)).toEqual(TD3);
  });
});

describe('HID codecs', () => {
  it('keyboard reports: press/release per character, Shift+comma is "<", Enter ends a line', () => {
    const text = TD3.join('\r') + '\r';
    const d = new HidKeyboardDecoder();
    const typed = Buffer.concat(encodeKeyboardReports(text).map((r) => d.pushReport(r))).toString('latin1');
    expect(typed).toBe(text);
  });
  it('keyboard reports with a report id; foreign reports are ignored, not thrown on', () => {
    const d = new HidKeyboardDecoder({ reportId: 1 });
    const typed = Buffer.concat([...encodeKeyboardReports('P<1\r', { reportId: 1 }), Buffer.from([2, 9, 9])].map((r) => d.pushReport(r))).toString('latin1');
    expect(typed).toBe('P<1\r');
    expect(d.ignoredReports).toBe(1);
  });
  it('a held key types once (no repeat without release)', () => {
    const d = new HidKeyboardDecoder();
    const press = Buffer.from([0, 0, 0x04, 0, 0, 0, 0, 0]);
    expect(Buffer.concat([d.pushReport(press), d.pushReport(press)]).toString()).toBe('A');
  });
  it('text reports: id, count, text; reassembled across reports', () => {
    const text = TD1.join('\r') + '\r';
    const reports = encodeTextReports(text);
    expect(reports.map((r) => r.length)).toEqual([64, 64]);
    expect([reports[0]![0], reports[0]![1]]).toEqual([1, 62]);
    const d = new HidTextReportDecoder();
    expect(Buffer.concat(reports.map((r) => d.pushReport(r))).toString()).toBe(text);
    expect(d.pushReport(Buffer.from([1, 200]))).toHaveLength(0);
    expect(d.ignoredReports).toBe(1);
  });
});
