// AIM symbology identifiers (ISO/IEC 15424): "]" + code character + modifier. Scanners send
// them in HID POS reports and, when configured, in front of serial output. We name the
// ones a booking slip or an ID card might carry; others keep their raw id.

const BY_CODE: Record<string, string> = {
  A: 'Code 39',
  C: 'Code 128',
  E: 'EAN/UPC',
  F: 'Codabar',
  G: 'Code 93',
  I: 'Interleaved 2 of 5',
  L: 'PDF417',
  Q: 'QR Code',
  d: 'Data Matrix',
  z: 'Aztec',
  e: 'GS1 DataBar',
  X: 'Other',
};

/** GS1 variants are told apart by the modifier. */
const BY_ID: Record<string, string> = {
  ']C1': 'GS1-128',
  ']d2': 'GS1 DataMatrix',
  ']Q3': 'GS1 QR Code',
  ']E4': 'EAN-8',
};

export const AIM_ID_PATTERN = /^\][A-Za-z][0-9A-Za-z]/;

/** Human name of an AIM id like "]Q1", or "unknown" for anything else. */
export function symbologyName(aim: string | undefined): string {
  if (!aim || !AIM_ID_PATTERN.test(aim)) return 'unknown';
  return BY_ID[aim] ?? BY_CODE[aim[1]!] ?? aim;
}
