// Errors are values in the device layer: every call that talks to a device returns a
// Result, so a pulled cable or a silent module reaches the station as data it can show
// (a translation key with params), never as an exception that unwinds the UI.

/** A sentence the officer sees, as a translation key plus its parameters. */
export interface DeviceMessage {
  key: string;
  params?: Record<string, string | number>;
}

export type DeviceErrorCode =
  | 'timeout' // the device did not answer in time (the device becomes 'unresponsive')
  | 'disconnected' // the link went away, or was never open
  | 'busy' // another exchange holds the device
  | 'cancelled' // the caller aborted (AbortSignal)
  | 'protocol' // the bytes made no sense (bad checksum, unexpected packet)
  | 'rejected' // the device answered with an error code of its own
  | 'io'; // the operating system refused (open failed, write failed)

export interface DeviceError extends DeviceMessage {
  code: DeviceErrorCode;
  /** Technician-facing detail for logs and traces; never shown to the officer as-is. */
  detail?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: DeviceError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export function fail<T = never>(code: DeviceErrorCode, key: string, params?: DeviceMessage['params'], detail?: string): Result<T> {
  const error: DeviceError = { code, key };
  if (params) error.params = params;
  if (detail) error.detail = detail;
  return { ok: false, error };
}

/** Common keys shared by every driver; drivers add their own under device.<driver>.* */
export const DEVICE_KEYS = {
  timeout: 'device.timeout',
  disconnected: 'device.disconnected',
  busy: 'device.busy',
  cancelled: 'device.cancelled',
  protocol: 'device.protocol_error',
  io: 'device.io_error',
} as const;

/** One line for logs, traces and the technician's tools: key, params and detail. */
export function describeError(e: DeviceError): string {
  return `${e.key}${e.params ? ' ' + JSON.stringify(e.params) : ''}${e.detail ? ` (${e.detail})` : ''}`;
}
