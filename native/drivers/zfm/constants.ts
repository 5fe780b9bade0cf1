// Numbers from the ZFM-20 user manual (and the R503 manual for the LED ring): packet
// identifiers, instruction codes, system parameter numbers and packet sizes.

export const HEADER = 0xef01;
export const DEFAULT_ADDRESS = 0xffffffff;
export const DEFAULT_PASSWORD = 0x00000000;

export const PID = {
  command: 0x01,
  data: 0x02,
  ack: 0x07,
  end: 0x08,
} as const;
export type Pid = (typeof PID)[keyof typeof PID];

export const INS = {
  GenImg: 0x01,
  Img2Tz: 0x02,
  Match: 0x03,
  Search: 0x04,
  RegModel: 0x05,
  Store: 0x06,
  LoadChar: 0x07,
  UpChar: 0x08,
  DownChar: 0x09,
  UpImage: 0x0a,
  DownImage: 0x0b,
  DeleteChar: 0x0c,
  Empty: 0x0d,
  SetSysPara: 0x0e,
  ReadSysPara: 0x0f,
  SetPwd: 0x12,
  VfyPwd: 0x13,
  SetAddr: 0x15,
  TemplateNum: 0x1d,
  ReadIndexTable: 0x1f,
  AuraLedConfig: 0x35,
} as const;
export type InstructionName = keyof typeof INS;

const NAME_BY_CODE = new Map<number, InstructionName>(Object.entries(INS).map(([k, v]) => [v, k as InstructionName]));
export const instructionName = (code: number): string => NAME_BY_CODE.get(code) ?? `Ins${code.toString(16).padStart(2, '0')}`;

/** SetSysPara parameter numbers. */
export const SYS_PARAM = { baud: 4, securityLevel: 5, packetSize: 6 } as const;

/** Packet size code (0–3) ⇄ data payload bytes. */
export const PACKET_SIZES = [32, 64, 128, 256] as const;
export const packetSizeBytes = (code: number): number => PACKET_SIZES[code] ?? 128;
export const packetSizeCode = (bytes: number): number => {
  const i = PACKET_SIZES.indexOf(bytes as (typeof PACKET_SIZES)[number]);
  return i >= 0 ? i : 2;
};

/** Baud rate = 9600 × N, N = 1…12. */
export const baudFromN = (n: number): number => 9600 * n;
export const baudToN = (baud: number): number | undefined => {
  const n = baud / 9600;
  return Number.isInteger(n) && n >= 1 && n <= 12 ? n : undefined;
};

/** Confirmation codes the driver branches on (the full list lives in messages.ts). */
export const CODE = {
  ok: 0x00,
  packetError: 0x01,
  noFinger: 0x02,
  enrollFailed: 0x03,
  tooMessy: 0x06,
  tooFewPoints: 0x07,
  noMatch: 0x08,
  notFound: 0x09,
  combineFailed: 0x0a,
  badPage: 0x0b,
  cannotReceive: 0x0e,
  uploadImageFailed: 0x0f,
  wrongPassword: 0x13,
  noValidImage: 0x15,
  invalidRegister: 0x1a,
  passwordFirst: 0x21,
} as const;

/** Image geometry by number of bytes uploaded (4 bits per pixel). */
export const IMAGE_GEOMETRY = [
  { width: 256, height: 288 }, // ZFM-20, R305, R307, AS608
  { width: 192, height: 192 }, // R503
] as const;
export const geometryForBytes = (bytes: number): { width: number; height: number } | undefined =>
  IMAGE_GEOMETRY.find((g) => (g.width * g.height) / 2 === bytes);

/** A character file (feature template) as moved by UpChar/DownChar. */
export const CHAR_FILE_BYTES = 512;

/** R50x LED ring: control codes and colours (R503 manual, AuraLedConfig). */
export const AURA = {
  breathing: 0x01,
  flashing: 0x02,
  alwaysOn: 0x03,
  alwaysOff: 0x04,
  gradualOn: 0x05,
  gradualOff: 0x06,
  red: 0x01,
  blue: 0x02,
  purple: 0x03,
} as const;
