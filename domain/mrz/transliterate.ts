// Latin-script names → MRZ characters, after ICAO 9303 Part 3 (section 6, transliteration
// of Latin characters; section 4.6, punctuation in names). Only A–Z and the filler '<'
// remain: letters with diacritics map to their base letters or to the digraphs ICAO
// recommends (Ä→AE, Ö→OE, Ü→UE, Å→AA, ß→SS, Þ→TH …); apostrophes and full stops are
// dropped (O'CONNOR → OCONNOR); spaces, hyphens and commas separate name components
// (MARIE-THERESE → MARIE<THERESE). Non-Latin scripts need a national transliteration first.

const DIGRAPHS: Record<string, string> = {
  Ä: 'AE', Æ: 'AE', Å: 'AA', Ö: 'OE', Ø: 'OE', Œ: 'OE', Ü: 'UE', ß: 'SS', Þ: 'TH', Ĳ: 'IJ',
  Ð: 'D', Đ: 'D', Ħ: 'H', Ł: 'L', Ŀ: 'L', Ŧ: 'T', ı: 'I', Ŋ: 'N', ĸ: 'K',
};

/** Characters removed without trace: apostrophes (straight and typographic), full stops. */
const DROPPED = /['’‘`´.ʼ]/g;
/** Characters that separate name components. */
const SEPARATORS = /[\s\-‐‑–—,]+/g;

export type TransliterationResult = { ok: true; components: string[] } | { ok: false; badChar: string };

/** Splits a name into MRZ name components (A–Z only), or names the character it cannot map. */
export function transliterateName(name: string): TransliterationResult {
  const cleaned = name.replace(DROPPED, '').replace(SEPARATORS, ' ').trim();
  if (cleaned === '') return { ok: true, components: [] };
  let out = '';
  for (const ch of cleaned.toUpperCase()) {
    if (ch === ' ' || (ch >= 'A' && ch <= 'Z')) {
      out += ch;
      continue;
    }
    const mapped = DIGRAPHS[ch] ?? DIGRAPHS[ch.toUpperCase()] ?? stripDiacritics(ch);
    if (mapped === undefined) return { ok: false, badChar: ch };
    out += mapped;
  }
  return { ok: true, components: out.split(' ').filter(Boolean) };
}

/** A single Latin letter with combining marks removed (É → E, Ñ → N), or undefined. */
function stripDiacritics(ch: string): string | undefined {
  const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return /^[A-Z]$/.test(base) ? base : undefined;
}
