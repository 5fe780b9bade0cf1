// The text of an export file from its bytes. Booking systems write UTF-8; a CSV saved by a
// spreadsheet on Windows is often Windows-1252 ("Dédé" as 44 E9 64 E9), which read as UTF-8
// becomes "D�d�" — letters lost without a word. So: bytes that are valid UTF-8 are UTF-8;
// otherwise they are read as Windows-1252 and the preview says so. A file whose text holds
// U+FFFD (the replacement character) after decoding has already lost letters somewhere
// upstream: it is refused, naming the first row, since what was there cannot be recovered.
// The decoders are the WHATWG Encoding Standard's, as Node ships them (TextDecoder) — except
// that Node 20.18.3+ / 22.13+ decode windows-1252 bytes 0x80–0x9F as Latin-1 (nodejs/node
// #56542, #60888: "€" comes out as U+0080). Where the running decoder shows that fault, those
// code points are mapped as the standard's index-windows-1252 says.

export type FileEncoding = 'utf-8' | 'windows-1252';

export type DecodedText =
  | { ok: true; text: string; encoding: FileEncoding }
  | { ok: false; code: 'replacement_character'; params: { line: number } };

export function decodeExport(bytes: Uint8Array): DecodedText {
  let text: string;
  let encoding: FileEncoding = 'utf-8';
  try {
    // fatal: invalid UTF-8 throws instead of turning into U+FFFD; the BOM is dropped.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    encoding = 'windows-1252';
    text = decodeWindows1252(bytes);
  }
  return checkText(text, encoding);
}

/** WHATWG index-windows-1252 for 0x80–0x9F (the five undefined bytes map to themselves). */
const C1_TO_1252 = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];
const NODE_1252_IS_LATIN1 = new TextDecoder('windows-1252').decode(Uint8Array.of(0x80)) !== '\u20ac';

function decodeWindows1252(bytes: Uint8Array): string {
  const text = new TextDecoder('windows-1252').decode(bytes);
  if (!NODE_1252_IS_LATIN1) return text;
  return text.replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(C1_TO_1252[c.charCodeAt(0) - 0x80]!));
}

/** Text that arrived as text (older clients, tests): the same refusal of U+FFFD. */
export function checkText(text: string, encoding: FileEncoding = 'utf-8'): DecodedText {
  const at = text.indexOf('\uFFFD');
  if (at >= 0) return { ok: false, code: 'replacement_character', params: { line: lineOf(text, at) } };
  return { ok: true, text, encoding };
}

/** 1-based line number of a character offset (CRLF, LF or CR line ends). */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) line++;
  }
  return line;
}
