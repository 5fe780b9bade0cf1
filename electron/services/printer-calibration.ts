// The technician's printer calibration: the calibration page (or the sample data page) as
// this printer would get it, with its offsets; saving the offsets; printing the page to it.
// Booklet printers differ in where they put a page by a millimetre or two, so each printer
// keeps its own correction, applied to everything printed on it.
import { offsetIsValid } from '../../domain/data-page-geometry';
import type { PrintOffsetMm } from '../../domain/data-page-geometry';
import type { DevicesOverview, PrinterPageView, PrinterPrintResult } from '../contract-types';
import type { DeviceService } from './device-service';
import { StationError } from './errors';
import { offsetsOf } from './printer-devices';

export type TestPage = 'calibration' | 'sample';

// The PDF writer (pdfkit, fontkit and their Unicode tables, which are inflated as the module
// loads) is loaded with the first test page, not at every start of the station: it was the
// largest single cost of the browser host's cold start (`npm run bench`, cold-start).
const loadDataPage = async () => {
  const [data, calibration, sample] = await Promise.all([
    import('../datapage/compose-data-page'), import('../datapage/compose-calibration'), import('../datapage/sample-applicant'),
  ]);
  return { composeDataPage: data.composeDataPage, composeCalibrationPage: calibration.composeCalibrationPage, sampleApplicant: sample.sampleApplicant };
};

export class PrinterCalibrationService {
  constructor(private readonly devices: DeviceService) {}

  private async compose(id: string, page: TestPage, offset: PrintOffsetMm): Promise<{ pdf: Uint8Array; mrz: [string, string] }> {
    const config = this.devices.printerConfig(id);
    const { composeDataPage, composeCalibrationPage, sampleApplicant } = await loadDataPage();
    const sample = await composeDataPage(sampleApplicant(), { offset });
    if (!sample.ok) throw new StationError('internal', { key: sample.error.key });
    if (page === 'sample') return { pdf: sample.pdf, mrz: sample.mrz };
    return { pdf: await composeCalibrationPage({ offset, printerLabel: config.label, mrz: sample.mrz }), mrz: sample.mrz };
  }

  /** The page with the stored offsets, or with offsets being tried before they are saved. */
  async page(input: { id: string; page: TestPage; offsetX?: number; offsetY?: number }): Promise<PrinterPageView> {
    const stored = offsetsOf(this.devices.printerConfig(input.id).settings);
    const offset = { x: input.offsetX ?? stored.x, y: input.offsetY ?? stored.y };
    if (!offsetIsValid(offset)) throw new StationError('bad_input', { reason: 'offset' }, 'offsetX');
    const { pdf, mrz } = await this.compose(input.id, input.page, offset);
    return { pdfBase64: Buffer.from(pdf).toString('base64'), offset, mrz };
  }

  async setOffsets(officerId: string, input: { id: string; x: number; y: number }): Promise<DevicesOverview> {
    const offset = { x: round(input.x), y: round(input.y) };
    if (!offsetIsValid(offset)) throw new StationError('bad_input', { reason: 'offset' }, 'x');
    this.devices.setPrinterSettings(officerId, input.id, { offsetXMm: offset.x, offsetYMm: offset.y });
    return this.devices.overview();
  }

  /** Prints the page with the stored offsets and says how the job ended. */
  async printPage(input: { id: string; page: TestPage }): Promise<PrinterPrintResult> {
    const offset = offsetsOf(this.devices.printerConfig(input.id).settings);
    const { pdf } = await this.compose(input.id, input.page, offset);
    const title = input.page === 'calibration' ? 'kalibrasi' : (await loadDataPage()).sampleApplicant().passportNumber;
    const r = await this.devices.printers.print(input.id, pdf, title);
    if (!r) throw new StationError('device', { key: 'device.system.unavailable' });
    if (!r.ok) return { ok: false, message: { key: r.error.key, ...(r.error.params ? { params: r.error.params } : {}) } };
    return { ok: true, jobId: r.value.jobId, totalMs: Math.round(r.value.totalMs), message: { key: 'device.ipp.printed' } };
  }
}

/** Tenths of a millimetre: finer than any booklet printer places a page. */
const round = (mm: number): number => Math.round(mm * 10) / 10;
