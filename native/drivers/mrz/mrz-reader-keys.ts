// Translation keys of the MRZ reader driver. Line-shape problems reuse the MRZ domain's
// keys (mrz.lineTooShort, mrz.lineTooLong, mrz.badCharacter) so the officer reads the same
// sentence whether the reader or the parser found the fault.
export const MRZ_READER_KEYS = {
  incomplete: 'device.mrz.incomplete',
  garbage: 'device.mrz.garbage',
  frameCorrupt: 'device.mrz.frameCorrupt',
  lineTooShort: 'mrz.lineTooShort',
  lineTooLong: 'mrz.lineTooLong',
  badCharacter: 'mrz.badCharacter',
} as const;
