// Text for the printer's WPC1252 code page (ESC t 16). Indonesian is ASCII almost always,
// but names may carry accents (é, ü, ñ): those exist in WPC1252. A character the page
// lacks loses its accent (ş → s) and anything still outside becomes "?", so a receipt
// never prints a wrong glyph silently.

// Windows-1252's 0x80–0x9F row (Microsoft's published table; 81, 8D, 8F, 90 and 9D are
// unassigned). Written out because Node's TextDecoder treats "windows-1252" as Latin-1
// where it is built without full ICU. 0xA0–0xFF are the Latin-1 characters of the same value.
const ROW_80 = '\u20ac\0\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\0\u017d\0\0\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\0\u017e\u0178';
const UPPER: Map<string, number> = (() => {
  const m = new Map<string, number>();
  [...ROW_80].forEach((ch, i) => ch !== '\0' && m.set(ch, 0x80 + i));
  for (let b = 0xa0; b <= 0xff; b++) m.set(String.fromCharCode(b), b);
  return m;
})();

export function encodeWpc1252(text: string): Buffer {
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0)!;
    if (code >= 0x20 && code < 0x7f) out.push(code);
    else if (UPPER.has(ch)) out.push(UPPER.get(ch)!);
    else {
      const bare = ch.normalize('NFD').replace(/\p{M}/gu, '');
      const b = bare.length === 1 ? bare.codePointAt(0)! : -1;
      out.push(b >= 0x20 && b < 0x7f ? b : 0x3f);
    }
  }
  return Buffer.from(out);
}

/** The reverse, for the simulator: one byte of the page to its character. */
export function decodeWpc1252Byte(b: number): string {
  if (b < 0x80 || b >= 0xa0) return String.fromCharCode(b);
  const ch = ROW_80[b - 0x80]!;
  return ch === '\0' ? '?' : ch;
}
