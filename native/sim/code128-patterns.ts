// Code 128 symbol patterns (ISO/IEC 15417, table 1): for each value 0–106, the widths of
// bar, space, bar, space, bar, space (and a final bar for the stop, 106) in modules. The
// printer computes the check character and draws these; the simulator does the same so a
// decoder that knows nothing of ESC/POS (zbarimg) can read the receipt's bars.
export const CODE128_PATTERNS: readonly string[] = [
  '212222', '222122', '222221', '121223', '121322', '131222', '122213', '122312', '132212', '221213',
  '221312', '231212', '112232', '122132', '122231', '113222', '123122', '123221', '223211', '221132',
  '221231', '213212', '223112', '312131', '311222', '321122', '321221', '312212', '322112', '322211',
  '212123', '212321', '232121', '111323', '131123', '131321', '112313', '132113', '132311', '211313',
  '231113', '231311', '112133', '112331', '132131', '113123', '113321', '133121', '313121', '211331',
  '231131', '213113', '213311', '213131', '311123', '311321', '331121', '312113', '312311', '332111',
  '314111', '221411', '431111', '111224', '111422', '121124', '121421', '141122', '141221', '112214',
  '112412', '122114', '122411', '142112', '142211', '241211', '221114', '413111', '241112', '134111',
  '111242', '121142', '121241', '114212', '124112', '124211', '411212', '421112', '421211', '212141',
  '214121', '412121', '111143', '111341', '131141', '114113', '114311', '411113', '411311', '113141',
  '114131', '311141', '411131', '211412', '211214', '211232', '2331112',
];

export const CODE128_START = { A: 103, B: 104, C: 105 } as const;
export const CODE128_STOP = 106;

/**
 * The symbol values for an ESC/POS GS k 73 payload: "{A"/"{B"/"{C" select a code set,
 * "{{" is a literal "{", "{1"…"{4" are FNC1–4 (mapped per set), "{S" is SHIFT. Returns
 * the values from the start character to the check character (no stop), or an error.
 */
export function code128Values(payload: Buffer): { values: number[]; text: string } | { error: string } {
  if (payload.length < 2 || payload[0] !== 0x7b || ![0x41, 0x42, 0x43].includes(payload[1]!)) return { error: 'Code 128 data must start with {A, {B or {C' };
  let set = String.fromCharCode(payload[1]!) as 'A' | 'B' | 'C';
  const values: number[] = [CODE128_START[set]];
  let text = '';
  for (let i = 2; i < payload.length; i++) {
    const b = payload[i]!;
    if (b === 0x7b) {
      const n = payload[++i];
      if (n === 0x7b) {
        values.push(0x7b - 32);
        text += '{';
      } else if (n === 0x41 || n === 0x42 || n === 0x43) {
        const next = String.fromCharCode(n) as 'A' | 'B' | 'C';
        values.push(next === 'A' ? 101 : next === 'B' ? 100 : 99);
        set = next;
      } else if (n === 0x31) values.push(102); // FNC1
      else return { error: `unsupported Code 128 escape {${String.fromCharCode(n ?? 0x3f)}` };
      continue;
    }
    if (set === 'C') {
      const d2 = payload[++i];
      if (d2 === undefined || b < 0x30 || b > 0x39 || d2 < 0x30 || d2 > 0x39) return { error: 'code set C takes pairs of digits' };
      values.push((b - 0x30) * 10 + (d2 - 0x30));
      text += String.fromCharCode(b, d2);
    } else if (set === 'B') {
      if (b < 0x20 || b > 0x7f) return { error: `byte 0x${b.toString(16)} is not in code set B` };
      values.push(b - 32);
      text += String.fromCharCode(b);
    } else {
      if (b > 0x5f) return { error: `byte 0x${b.toString(16)} is not in code set A` };
      values.push(b < 0x20 ? b + 64 : b - 32);
      text += String.fromCharCode(b);
    }
  }
  const check = values.reduce((sum, v, i) => sum + v * (i === 0 ? 1 : i), 0) % 103;
  values.push(check);
  return { values, text };
}

/** Module widths of the whole symbol (start … check, stop), bars and spaces alternating. */
export function code128Modules(values: number[]): number[] {
  return [...values, CODE128_STOP].flatMap((v) => [...CODE128_PATTERNS[v]!].map(Number));
}
