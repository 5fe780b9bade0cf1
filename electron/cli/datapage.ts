// `npm run datapage -- --sample --out page.pdf`: the data page of a sample applicant.
// `npm run datapage -- --calibration --out cal.pdf`: the printer calibration page.
// Options: --offset-x MM --offset-y MM (this printer's correction; write a negative one as
// --offset-y=-1), --label TEXT (printed on the calibration page), --print ipp://HOST/ipp/print
// (send it to an IPP printer and follow the job), --allow-untrusted-tls (ipps:// printers
// with self-signed certificates).
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { MAX_OFFSET_MM, offsetIsValid } from '../../domain/data-page-geometry';
import { composeDataPage } from '../datapage/compose-data-page';
import { composeCalibrationPage } from '../datapage/compose-calibration';
import { sampleApplicant } from '../datapage/sample-applicant';
import { IppPrinter } from '../../native/drivers/ipp/ipp-printer';
import { ippMessages } from '../../native/drivers/ipp/messages';
import { mrzDomainMessages } from '../../domain/mrz';

const USAGE = `usage: npm run datapage -- (--sample | --calibration) [--out FILE] [--offset-x MM] [--offset-y MM] [--label TEXT]
                              [--print ipp://HOST/ipp/print] [--allow-untrusted-tls]`;

const sentence = (key: string, params: Record<string, string | number> = {}): string => {
  const table: Record<string, string> = { ...ippMessages.en, ...mrzDomainMessages.en };
  const text = table[key] ?? key;
  return text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? `{{${k}}}`));
};

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        sample: { type: 'boolean', default: false },
        calibration: { type: 'boolean', default: false },
        out: { type: 'string' },
        'offset-x': { type: 'string', default: '0' },
        'offset-y': { type: 'string', default: '0' },
        label: { type: 'string' },
        print: { type: 'string' },
        'allow-untrusted-tls': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) { console.log(USAGE); return 0; }
  if (values.sample === values.calibration) { console.error(`choose one of --sample and --calibration\n${USAGE}`); return 2; }
  if (!values.out && !values.print) { console.error(`say where the page goes: --out FILE and/or --print URL\n${USAGE}`); return 2; }
  const offset = { x: Number(values['offset-x']), y: Number(values['offset-y']) };
  if (!offsetIsValid(offset)) { console.error(`offsets are millimetres between -${MAX_OFFSET_MM} and ${MAX_OFFSET_MM}`); return 2; }

  const sample = sampleApplicant();
  let pdf: Uint8Array;
  let name: string;
  if (values.sample) {
    const page = await composeDataPage(sample, { offset });
    if (!page.ok) { console.error(sentence(page.error.key, page.error.params)); return 1; }
    pdf = page.pdf;
    name = sample.passportNumber;
    console.log(`data page of ${sample.fullName} (sample applicant), MRZ:\n  ${page.mrz[0]}\n  ${page.mrz[1]}`);
  } else {
    const mrz = await composeDataPage(sample);
    pdf = await composeCalibrationPage({ offset, ...(values.label ? { printerLabel: values.label } : {}), ...(mrz.ok ? { mrz: mrz.mrz } : {}) });
    name = 'calibration';
    console.log(`calibration page, offsets x ${offset.x} mm, y ${offset.y} mm`);
  }
  if (values.out) {
    writeFileSync(values.out, pdf);
    console.log(`wrote ${values.out} (${pdf.length} bytes, 125 × 88 mm)`);
  }
  if (values.print) {
    const printer = new IppPrinter({ url: values.print, allowUntrustedTls: values['allow-untrusted-tls'] });
    const r = await printer.print({ pdf, name, media: { widthMm: 125, heightMm: 88 } }, {
      onProgress: (p) => console.log(`  ${p.phase}${p.jobId ? ` (job ${p.jobId})` : ''}: ${sentence(p.message.key, p.message.params)}`),
    });
    if (!r.ok) { console.error(sentence(r.error.key, r.error.params) + (r.error.detail ? ` [${r.error.detail}]` : '')); return 1; }
    console.log(`printed on ${printer.address} as job ${r.value.jobId} in ${Math.round(r.value.totalMs)} ms`);
  }
  return 0;
}

process.exitCode = await main();
