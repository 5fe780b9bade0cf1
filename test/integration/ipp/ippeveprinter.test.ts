// Our IPP client against Debian's ippeveprinter, an independent IPP Everywhere printer:
// it finds the PDF format and the 125 × 88 mm medium, prints, follows the job to its end,
// and the file the printer keeps is byte for byte the data page we composed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IppPrinter } from '../../../native/drivers/ipp/ipp-printer';
import type { PrintProgress } from '../../../native/printer';
import { composeDataPage } from '../../../electron/datapage/compose-data-page';
import { sampleApplicant } from '../../../electron/datapage/sample-applicant';
import { ippeveprinterMissing, startIppEvePrinter } from '../../helpers/ippeveprinter';
import type { EvePrinter } from '../../helpers/ippeveprinter';

const missing = ippeveprinterMissing();
if (missing) console.warn(`ippeveprinter tests skipped: ${missing}`);
const PAGE = { widthMm: 125, heightMm: 88 };

describe.skipIf(missing !== null)('printing a data page to ippeveprinter', () => {
  let eve: EvePrinter;
  beforeAll(async () => { eve = await startIppEvePrinter(); }, 30_000);
  afterAll(async () => { await eve?.stop(); });

  it('sees that the printer takes PDF and has the passport medium', async () => {
    const fit = await new IppPrinter({ url: eve.url }).fitness(PAGE);
    expect(fit).toMatchObject({ ok: true, value: { acceptsPdf: true, mediaSupported: true, media: 'om_passport_88x125mm', problems: [] } });
  });

  it('prints, follows the job until it completes, and the printer keeps exactly the composed PDF', async () => {
    const page = await composeDataPage(sampleApplicant());
    if (!page.ok) throw new Error('compose failed');
    const seen: PrintProgress['phase'][] = [];
    const r = await new IppPrinter({ url: eve.url, pollMs: 100 }).print({ pdf: page.pdf, name: 'C1234567', media: PAGE }, { onProgress: (p) => seen.push(p.phase) });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    expect(seen[0]).toBe('sending');
    expect(seen.at(-1)).toBe('completed');
    const kept = eve.documents();
    expect(kept.map((d) => d.file)).toEqual([`${r.ok ? r.value.jobId : 0}-c1234567.pdf`]);
    expect(Buffer.compare(kept[0]!.bytes, Buffer.from(page.pdf))).toBe(0);
  });

  it('says so when the printer lacks the page size (an A4-only medium asked of it)', async () => {
    const fit = await new IppPrinter({ url: eve.url }).fitness({ widthMm: 210, heightMm: 297 });
    expect(fit).toMatchObject({ ok: true, value: { mediaSupported: false, problems: [{ key: 'device.ipp.mediaNotSupported' }] } });
  });
});
