// What the IPP printer simulator says about itself (Get-Printer-Attributes): an IPP/2.0
// printer that takes PDF only and one medium, the 125 × 88 mm passport page (PWG 5101.1
// name, shorter edge first), printed without scaling. The attributes are the ones
// Debian's ipptool expects of a printer (get-printer-attributes.test).
import { attr, v } from '../drivers/ipp/ipp-codec';
import type { IppAttribute } from '../drivers/ipp/ipp-codec';
import { OP } from '../drivers/ipp/ipp-constants';

export const SIM_MEDIA = 'om_passport_88x125mm';
/** Hundredths of a millimetre, PWG 5100.7 media-size: x is the shorter edge. */
export const SIM_MEDIA_SIZE = { x: 8800, y: 12500 } as const;
export const SIM_FORMATS = ['application/pdf'] as const;

export interface SimPrinterState {
  uri: string;
  name: string;
  makeAndModel: string;
  state: number;
  reasons: string[];
  acceptingJobs: boolean;
  upSeconds: number;
  uuid: string;
  now: Date;
}

const mediaCol = () => v.collection(
  attr('media-size', v.collection(attr('x-dimension', v.integer(SIM_MEDIA_SIZE.x)), attr('y-dimension', v.integer(SIM_MEDIA_SIZE.y)))),
  attr('media-top-margin', v.integer(0)), attr('media-bottom-margin', v.integer(0)),
  attr('media-left-margin', v.integer(0)), attr('media-right-margin', v.integer(0)),
  attr('media-source', v.keyword('main')), attr('media-type', v.keyword('stationery')),
);

export function printerAttributes(s: SimPrinterState): IppAttribute[] {
  return [
    attr('printer-uri-supported', v.uri(s.uri)),
    attr('uri-authentication-supported', v.keyword('none')),
    attr('uri-security-supported', v.keyword('none')),
    attr('printer-name', v.name(s.name)),
    attr('printer-info', v.text(`${s.name} (Loket simulator)`)),
    attr('printer-location', v.text('Loket demo station')),
    attr('printer-more-info', v.uri(s.uri.replace(/^ipp:/, 'http:'))),
    attr('printer-make-and-model', v.text(s.makeAndModel)),
    attr('printer-uuid', v.uri(`urn:uuid:${s.uuid}`)),
    attr('printer-state', v.enum(s.state)),
    attr('printer-state-reasons', ...(s.reasons.length ? s.reasons : ['none']).map(v.keyword)),
    attr('printer-state-message', v.text(s.reasons.length ? s.reasons.join(', ') : 'Ready')),
    attr('printer-is-accepting-jobs', v.boolean(s.acceptingJobs)),
    attr('printer-up-time', v.integer(Math.max(1, s.upSeconds))),
    attr('printer-current-time', v.dateTime(s.now)),
    attr('queued-job-count', v.integer(0)),
    attr('ipp-versions-supported', v.keyword('1.1'), v.keyword('2.0')),
    attr('operations-supported', ...[OP.printJob, OP.validateJob, OP.cancelJob, OP.getJobAttributes, OP.getJobs, OP.getPrinterAttributes].map(v.enum)),
    attr('charset-configured', v.charset('utf-8')),
    attr('charset-supported', v.charset('utf-8')),
    attr('natural-language-configured', v.language('en')),
    attr('generated-natural-language-supported', v.language('en')),
    attr('document-format-default', v.mime(SIM_FORMATS[0])),
    attr('document-format-supported', ...SIM_FORMATS.map(v.mime)),
    attr('compression-supported', v.keyword('none')),
    attr('pdl-override-supported', v.keyword('attempted')),
    attr('job-creation-attributes-supported', ...['copies', 'media', 'media-col', 'print-scaling'].map(v.keyword)),
    attr('copies-default', v.integer(1)),
    attr('copies-supported', v.range(1, 1)),
    attr('media-default', v.keyword(SIM_MEDIA)),
    attr('media-supported', v.keyword(SIM_MEDIA)),
    attr('media-ready', v.keyword(SIM_MEDIA)),
    attr('media-col-default', mediaCol()),
    attr('media-col-ready', mediaCol()),
    attr('media-col-database', mediaCol()),
    attr('media-size-supported', v.collection(attr('x-dimension', v.integer(SIM_MEDIA_SIZE.x)), attr('y-dimension', v.integer(SIM_MEDIA_SIZE.y)))),
    attr('media-col-supported', ...['media-size', 'media-top-margin', 'media-bottom-margin', 'media-left-margin', 'media-right-margin', 'media-source', 'media-type'].map(v.keyword)),
    attr('print-scaling-default', v.keyword('none')),
    attr('print-scaling-supported', v.keyword('none')),
    attr('sides-default', v.keyword('one-sided')),
    attr('sides-supported', v.keyword('one-sided')),
    attr('print-color-mode-default', v.keyword('color')),
    attr('print-color-mode-supported', v.keyword('color'), v.keyword('monochrome')),
    attr('printer-resolution-default', v.resolution(600, 600)),
    attr('printer-resolution-supported', v.resolution(600, 600)),
    attr('which-jobs-supported', v.keyword('completed'), v.keyword('not-completed'), v.keyword('all')),
  ];
}

/** The attribute groups a requested-attributes list names (RFC 8011 §4.2.5.1). */
export function selectAttributes(all: IppAttribute[], requested: string[]): IppAttribute[] {
  if (requested.length === 0 || requested.some((r) => r === 'all' || r === 'printer-description' || r === 'job-template')) return all;
  return all.filter((a) => requested.includes(a.name));
}
