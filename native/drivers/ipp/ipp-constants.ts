// Numbers of the Internet Printing Protocol: delimiter and value tags (RFC 8010 §3.5),
// operation ids, status codes and the printer/job state enums (RFC 8011 §5.4.15, §5.3.7,
// §5.4.12; status codes in RFC 8011 Appendix B).

/** Delimiter tags that open an attribute group (RFC 8010 §3.5.1). */
export const GROUP = {
  operation: 0x01,
  job: 0x02,
  end: 0x03,
  printer: 0x04,
  unsupported: 0x05,
} as const;

/** Value tags (RFC 8010 §3.5.2). */
export const TAG = {
  // Out-of-band values: no value bytes.
  unsupported: 0x10,
  unknown: 0x12,
  noValue: 0x13,
  integer: 0x21,
  boolean: 0x22,
  enum: 0x23,
  octetString: 0x30,
  dateTime: 0x31,
  resolution: 0x32,
  rangeOfInteger: 0x33,
  begCollection: 0x34,
  textWithLanguage: 0x35,
  nameWithLanguage: 0x36,
  endCollection: 0x37,
  textWithoutLanguage: 0x41,
  nameWithoutLanguage: 0x42,
  keyword: 0x44,
  uri: 0x45,
  uriScheme: 0x46,
  charset: 0x47,
  naturalLanguage: 0x48,
  mimeMediaType: 0x49,
  memberAttrName: 0x4a,
  extension: 0x7f,
} as const;

/** Tags whose value is a character string (UTF-8 for text and name, US-ASCII for the rest). */
export const STRING_TAGS: ReadonlySet<number> = new Set([
  TAG.textWithoutLanguage, TAG.nameWithoutLanguage, TAG.keyword, TAG.uri, TAG.uriScheme,
  TAG.charset, TAG.naturalLanguage, TAG.mimeMediaType, TAG.memberAttrName,
]);
export const OUT_OF_BAND_TAGS: ReadonlySet<number> = new Set([TAG.unsupported, 0x11, TAG.unknown, TAG.noValue, 0x15, 0x16, 0x17]);

export const OP = {
  printJob: 0x0002,
  validateJob: 0x0004,
  createJob: 0x0005,
  cancelJob: 0x0008,
  getJobAttributes: 0x0009,
  getJobs: 0x000a,
  getPrinterAttributes: 0x000b,
} as const;

export const STATUS = {
  successfulOk: 0x0000,
  successfulOkIgnoredOrSubstituted: 0x0001,
  successfulOkConflicting: 0x0002,
  clientErrorBadRequest: 0x0400,
  clientErrorForbidden: 0x0401,
  clientErrorNotAuthenticated: 0x0402,
  clientErrorNotAuthorized: 0x0403,
  clientErrorNotPossible: 0x0404,
  clientErrorTimeout: 0x0405,
  clientErrorNotFound: 0x0406,
  clientErrorGone: 0x0407,
  clientErrorRequestEntityTooLarge: 0x0408,
  clientErrorDocumentFormatNotSupported: 0x040a,
  clientErrorAttributesOrValuesNotSupported: 0x040b,
  clientErrorUriSchemeNotSupported: 0x040c,
  clientErrorCharsetNotSupported: 0x040d,
  serverErrorInternalError: 0x0500,
  serverErrorOperationNotSupported: 0x0501,
  serverErrorServiceUnavailable: 0x0502,
  serverErrorVersionNotSupported: 0x0503,
  serverErrorDeviceError: 0x0504,
  serverErrorTemporaryError: 0x0505,
  serverErrorNotAcceptingJobs: 0x0506,
  serverErrorBusy: 0x0507,
  serverErrorJobCanceled: 0x0508,
} as const;

/** The keyword RFC 8011 gives each status code, for "status-message" and traces. */
export const STATUS_NAME: Readonly<Record<number, string>> = {
  0x0000: 'successful-ok',
  0x0001: 'successful-ok-ignored-or-substituted-attributes',
  0x0002: 'successful-ok-conflicting-attributes',
  0x0400: 'client-error-bad-request',
  0x0401: 'client-error-forbidden',
  0x0402: 'client-error-not-authenticated',
  0x0403: 'client-error-not-authorized',
  0x0404: 'client-error-not-possible',
  0x0405: 'client-error-timeout',
  0x0406: 'client-error-not-found',
  0x0407: 'client-error-gone',
  0x0408: 'client-error-request-entity-too-large',
  0x040a: 'client-error-document-format-not-supported',
  0x040b: 'client-error-attributes-or-values-not-supported',
  0x040c: 'client-error-uri-scheme-not-supported',
  0x040d: 'client-error-charset-not-supported',
  0x0500: 'server-error-internal-error',
  0x0501: 'server-error-operation-not-supported',
  0x0502: 'server-error-service-unavailable',
  0x0503: 'server-error-version-not-supported',
  0x0504: 'server-error-device-error',
  0x0505: 'server-error-temporary-error',
  0x0506: 'server-error-not-accepting-jobs',
  0x0507: 'server-error-busy',
  0x0508: 'server-error-job-canceled',
};

export const JOB_STATE = {
  pending: 3,
  pendingHeld: 4,
  processing: 5,
  processingStopped: 6,
  canceled: 7,
  aborted: 8,
  completed: 9,
} as const;

export const PRINTER_STATE = { idle: 3, processing: 4, stopped: 5 } as const;

export const isSuccess = (status: number): boolean => status >= 0x0000 && status <= 0x00ff;
