// Translation keys of the IPP printer driver (sentences in messages.ts and the renderer's
// i18n files under device.ipp).
export const IPP_KEYS = {
  unreachable: 'device.ipp.unreachable',
  timeout: 'device.ipp.timeout',
  tlsUntrusted: 'device.ipp.tlsUntrusted',
  badResponse: 'device.ipp.badResponse',
  httpError: 'device.ipp.httpError',
  badUrl: 'device.ipp.badUrl',
  refused: 'device.ipp.refused',
  pdfNotAccepted: 'device.ipp.pdfNotAccepted',
  mediaNotSupported: 'device.ipp.mediaNotSupported',
  notAcceptingJobs: 'device.ipp.notAcceptingJobs',
  // printer-state-reasons that stop a print
  mediaEmpty: 'device.ipp.mediaEmpty',
  mediaJam: 'device.ipp.mediaJam',
  doorOpen: 'device.ipp.doorOpen',
  offline: 'device.ipp.offline',
  paused: 'device.ipp.paused',
  markerEmpty: 'device.ipp.markerEmpty',
  outputFull: 'device.ipp.outputFull',
  printerStopped: 'device.ipp.printerStopped',
  // how a job ended, when not printed
  jobCanceledAtDevice: 'device.ipp.jobCanceledAtDevice',
  jobCanceled: 'device.ipp.jobCanceled',
  jobAborted: 'device.ipp.jobAborted',
  documentRejected: 'device.ipp.documentRejected',
  jobTimeout: 'device.ipp.jobTimeout',
  cancelled: 'device.ipp.cancelled',
  // progress
  sending: 'device.ipp.sending',
  queued: 'device.ipp.queued',
  printing: 'device.ipp.printing',
  printed: 'device.ipp.printed',
  ready: 'device.ipp.ready',
} as const;
