// Numbers from the ADH-Tech GT-521Fxx programming guide (GT-521F32 / GT-521F52, sold by
// Sparkfun as "Fingerprint Scanner – TTL"): start codes, command codes, NACK error codes,
// and the sizes of what the data packets carry.

export const COMMAND_START = [0x55, 0xaa] as const;
export const DATA_START = [0x5a, 0xa5] as const;
/** The device id every packet carries (fixed 0x0001 on these modules). */
export const DEVICE_ID = 0x0001;
/** Command and response packets: start (2) + device id (2) + parameter (4) + code (2) + checksum (2). */
export const PACKET_BYTES = 12;
/** Data packets: start (2) + device id (2) + data + checksum (2); the length is implied by the command. */
export const DATA_OVERHEAD = 6;

export const CMD = {
  Open: 0x01,
  Close: 0x02,
  UsbInternalCheck: 0x03,
  ChangeBaudrate: 0x04,
  CmosLed: 0x12,
  GetEnrollCount: 0x20,
  CheckEnrolled: 0x21,
  EnrollStart: 0x22,
  Enroll1: 0x23,
  Enroll2: 0x24,
  Enroll3: 0x25,
  IsPressFinger: 0x26,
  DeleteID: 0x40,
  DeleteAll: 0x41,
  Verify: 0x50,
  Identify: 0x51,
  VerifyTemplate: 0x52,
  IdentifyTemplate: 0x53,
  CaptureFinger: 0x60,
  MakeTemplate: 0x61,
  GetImage: 0x62,
  GetRawImage: 0x63,
  GetTemplate: 0x70,
  SetTemplate: 0x71,
} as const;
export type CommandName = keyof typeof CMD;

/** The code field of a response packet. */
export const ACK = 0x30;
export const NACK = 0x31;

const NAME_BY_CODE = new Map<number, string>(Object.entries(CMD).map(([k, v]) => [v, k]));
export function commandName(code: number): string {
  if (code === ACK) return 'ACK';
  if (code === NACK) return 'NACK';
  return NAME_BY_CODE.get(code) ?? `Cmd${code.toString(16).padStart(2, '0')}`;
}

/** NACK parameters (error codes); a NACK parameter below the capacity is a duplicate's id instead. */
export const NACK_CODE = {
  timeout: 0x1001,
  invalidBaudrate: 0x1002,
  invalidPos: 0x1003,
  isNotUsed: 0x1004,
  isAlreadyUsed: 0x1005,
  commErr: 0x1006,
  verifyFailed: 0x1007,
  identifyFailed: 0x1008,
  dbIsFull: 0x1009,
  dbIsEmpty: 0x100a,
  turnErr: 0x100b,
  badFinger: 0x100c,
  enrollFailed: 0x100d,
  isNotSupported: 0x100e,
  devErr: 0x100f,
  captureCanceled: 0x1010,
  invalidParam: 0x1011,
  fingerIsNotPressed: 0x1012,
} as const;

/** GetImage: the captured image, 258 × 202 pixels, 8 bits each. */
export const IMAGE = { width: 258, height: 202 } as const;
/** GetRawImage: a live QVGA frame subsampled to 160 × 120, 8 bits each. */
export const RAW_IMAGE = { width: 160, height: 120 } as const;
export const IMAGE_BYTES = IMAGE.width * IMAGE.height;
export const RAW_IMAGE_BYTES = RAW_IMAGE.width * RAW_IMAGE.height;
/** A template as GetTemplate / MakeTemplate send it and SetTemplate / VerifyTemplate take it. */
export const TEMPLATE_BYTES = 498;
/** Open's device information: firmware version u32, ISO area max size u32, serial number (16). */
export const DEVINFO_BYTES = 24;
/** The sensor's resolution (GT-521Fxx datasheet: about 450 dpi). */
export const GT521_PPI = 450;

/** Enrolment slots: the F32 holds 200 templates, the F52 3000. */
export const CAPACITY = { f32: 200, f52: 3000 } as const;
export type Gt521Model = keyof typeof CAPACITY;

/** The module boots at 9600 baud; ChangeBaudrate accepts these. */
export const BOOT_BAUD = 9600;
export const BAUD_RATES = [9600, 19200, 38400, 57600, 115200] as const;
/** Images move at this speed: 52 KB take 54 s at 9600 baud, 4.5 s at 115,200. */
export const FAST_BAUD = 115_200;
