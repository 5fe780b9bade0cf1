// The IPP driver's pure rules: printer URLs, PWG media names, and the sentences chosen for
// printer-state-reasons / job-state-reasons (keywords and severities from RFC 8011 §5.4.12).
import { describe, expect, it } from 'vitest';
import { parseIppUrl } from '../../../../native/drivers/ipp/ipp-url';
import { chooseMedia, pwgMediaName, pwgMediaSizeMm } from '../../../../native/drivers/ipp/ipp-media';
import { jobEndMessage, parseReason, printerReasonMessage } from '../../../../native/drivers/ipp/ipp-reasons';

describe('printer URLs', () => {
  it('maps ipp:// to HTTP and ipps:// to HTTPS on port 631 unless given', () => {
    expect(parseIppUrl('ipp://10.0.0.5/ipp/print')).toMatchObject({ printerUri: 'ipp://10.0.0.5/ipp/print', tls: false });
    expect(parseIppUrl('ipp://10.0.0.5/ipp/print')?.httpUrl.href).toBe('http://10.0.0.5:631/ipp/print');
    expect(parseIppUrl('ipps://printer.local:8631/ipp/print')?.httpUrl.href).toBe('https://printer.local:8631/ipp/print');
    expect(parseIppUrl('ipp://printer.local')?.httpUrl.pathname).toBe('/ipp/print');
    expect(parseIppUrl('lpd://printer/q')).toBeNull();
    expect(parseIppUrl('not a url')).toBeNull();
  });
});

describe('PWG 5101.1 media names', () => {
  it('reads the size of a self-describing name, in mm or inches', () => {
    expect(pwgMediaSizeMm('om_passport_88x125mm')).toEqual({ a: 88, b: 125 });
    const letter = pwgMediaSizeMm('na_letter_8.5x11in')!;
    expect(letter.a).toBeCloseTo(215.9, 6);
    expect(letter.b).toBeCloseTo(279.4, 6);
    expect(pwgMediaSizeMm('A4')).toBeNull();
  });
  it('names our page with the shorter edge first', () => {
    expect(pwgMediaName({ widthMm: 125, heightMm: 88 })).toBe('om_passport_88x125mm');
  });
  it('finds a listed keyword, a size in media-col-database, or a custom range; else nothing', () => {
    const page = { widthMm: 125, heightMm: 88 };
    expect(chooseMedia(page, ['iso_a4_210x297mm', 'om_passport_88x125mm'], [])).toEqual({ keyword: 'om_passport_88x125mm' });
    expect(chooseMedia(page, ['custom_passport_125x88mm'], [])).toEqual({ keyword: 'custom_passport_125x88mm' });
    expect(chooseMedia(page, ['iso_a4_210x297mm'], [{ x: 8800, y: 12500 }])).toEqual({ size: { x: 8800, y: 12500 } });
    expect(chooseMedia(page, [], [{ x: { lower: 5000, upper: 21600 }, y: { lower: 5000, upper: 35600 } }])).toEqual({ size: { x: 8800, y: 12500 } });
    expect(chooseMedia(page, ['custom_min_50x50mm', 'custom_max_216x356mm'], [])).toEqual({ size: { x: 8800, y: 12500 } });
    expect(chooseMedia(page, ['iso_a4_210x297mm', 'iso_a6_105x148mm'], [{ x: 21000, y: 29700 }])).toBeNull();
  });
});

describe('state reasons as sentences', () => {
  it('treats a keyword without a suffix as an error (RFC 8011)', () => {
    expect(parseReason('media-jam')).toEqual({ base: 'media-jam', severity: 'error' });
    expect(parseReason('media-low-warning')).toEqual({ base: 'media-low', severity: 'warning' });
    expect(parseReason('door-open-report')).toEqual({ base: 'door-open', severity: 'report' });
  });
  it('names the most urgent stopping reason and ignores warnings and reports', () => {
    expect(printerReasonMessage(['none'])).toBeNull();
    expect(printerReasonMessage(['media-low-warning', 'toner-low-report'])).toBeNull();
    expect(printerReasonMessage(['media-empty-error', 'media-jam-error'])).toEqual({ key: 'device.ipp.mediaJam' });
    expect(printerReasonMessage(['media-needed'])).toEqual({ key: 'device.ipp.mediaEmpty' });
    expect(printerReasonMessage(['cover-open-error'])).toEqual({ key: 'device.ipp.doorOpen' });
    expect(printerReasonMessage(['offline-report', 'shutdown'])).toEqual({ key: 'device.ipp.offline' });
    expect(printerReasonMessage(['fuser-over-temp-error'])).toEqual({ key: 'device.ipp.printerStopped', params: { reasons: 'fuser-over-temp' } });
  });
  it('says how a job ended: cancelled at the device, aborted by a jam, or a document the printer could not read', () => {
    expect(jobEndMessage(7, ['job-canceled-at-device'], [])).toEqual({ key: 'device.ipp.jobCanceledAtDevice' });
    expect(jobEndMessage(7, ['job-canceled-by-user'], [])).toEqual({ key: 'device.ipp.jobCanceled' });
    expect(jobEndMessage(8, ['aborted-by-system'], ['media-jam-error'])).toEqual({ key: 'device.ipp.mediaJam' });
    expect(jobEndMessage(8, ['aborted-by-system'], ['none'])).toEqual({ key: 'device.ipp.jobAborted', params: { reasons: 'aborted-by-system' } });
    expect(jobEndMessage(8, ['document-format-error'], [])).toEqual({ key: 'device.ipp.documentRejected' });
  });
});
