// The print queue's real IPP path: a station whose passport printer is Debian's ippeveprinter
// (configured by the technician like any IPP printer) prints an approved application on the
// book whose serial the operator gave. The file the printer keeps is byte for byte the PDF the
// station composed (its SHA-256 is kept with the job), and that PDF carries the serial as the
// passport number, in the visual zone and as the MRZ's document number with its check digit.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, openTestStation } from '../../helpers/station';
import type { TestSession, TestStation } from '../../helpers/station';
import { ippeveprinterMissing, startIppEvePrinter } from '../../helpers/ippeveprinter';
import type { EvePrinter } from '../../helpers/ippeveprinter';
import { hasPoppler, text } from '../../helpers/poppler';
import type { SessionInfo } from '../../../electron/contract-types';
import type { PrintJobView, PrintQueueView } from '../../../electron/issuance-types';
import { mrzCheckDigit } from '../../../domain/mrz';

const missing = ippeveprinterMissing() ?? (hasPoppler ? null : 'poppler-utils (pdftotext) is not installed');
if (missing) console.warn(`station print-with-serial tests skipped: ${missing}`);

describe.skipIf(missing !== null)('printing an application with its book serial to ippeveprinter', () => {
  let eve: EvePrinter;
  let t: TestStation;
  let s: TestSession;
  beforeAll(async () => {
    eve = await startIppEvePrinter();
    t = await openTestStation({ demo: true, start: new Date() });
    s = t.session();
    const me = await s.ok<SessionInfo>('setup.createFirstAdmin', ADMIN);
    await s.ok('officers.update', { id: me.officerId, roles: ['admin', 'technician', 'print'] });
    await s.ok('devices.save', { id: 'passport-printer', kind: 'printer', driver: 'ipp', label: 'ippeveprinter', port: { kind: 'url', url: eve.url } });
  }, 60_000);
  afterAll(async () => { await t?.close(); await eve?.stop(); });

  it('the printer keeps exactly the composed PDF, with the serial as the passport number', async () => {
    const q = await s.ok<PrintQueueView>('issuance.queue');
    const a = q.waiting.find((w) => w.appointment.passportType === 'electronic')!.appointment;
    const job = await s.ok<PrintJobView>('issuance.print', { appointmentId: a.id, serial: 'C0000007' });
    expect(job).toMatchObject({ state: 'printed', serial: 'C0000007' });
    const kept = eve.documents();
    expect(kept).toHaveLength(1);
    expect(kept[0]!.file).toMatch(/-c0000007\.pdf$/);
    expect(createHash('sha256').update(kept[0]!.bytes).digest('hex')).toBe(job.pdfSha256);
    const words = text(new Uint8Array(kept[0]!.bytes));
    expect(words).toContain('C0000007');
    // TD3 line 2: the document number, then its check digit (Doc 9303 Part 3 §4.9).
    expect(job.mrz![1].slice(0, 10)).toBe(`C0000007<${mrzCheckDigit('C0000007<')}`);
    expect(words.replace(/\s/g, '')).toContain(job.mrz![1]);
  }, 60_000);
});
