// MRZ reader simulator: presents a document the way a reader would send it — OCR text
// lines, 3M RTE frames, or HID reports — and can misbehave on request (bad check digit,
// truncated or overlong line, a missing line, garbage bytes, a broken BCC). It writes to
// a Transport, so it runs in-process on a memory pair or on one end of a socat PTY pair
// (new SerialTransport({ path })) for the serial framings.
import { mrzCheckDigit } from '../../domain/mrz/check-digit';
import { encodeKeyboardReports } from '../drivers/mrz/hid-keyboard-codec';
import { encodeTextReports } from '../drivers/mrz/hid-text-report-codec';
import type { MrzFraming } from '../drivers/mrz/mrz-reader';
import { encodeRteFrame } from '../drivers/mrz/rte-codec';
import type { Transport } from '../transport/transport';

/** ICAO 9303 specimens (Utopia). */
export const MRZ_SPECIMENS = {
  TD3: ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'],
  TD2: ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'],
  TD1: ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'],
} as const;

export type MrzSimVariant =
  | 'good'
  | 'badCheckDigit' // document number check digit off by one
  | 'truncated' // last line loses its last 3 characters
  | 'overlong' // first line gains 2 fillers
  | 'missingLine' // the last line never comes
  | 'garbage' // bytes that are no MRZ at all (wrong baud rate, noise)
  | 'badBcc' // RTE: BCC broken, MRZ intact (accept, marked unverified)
  | 'badBccAndCheckDigit' // RTE: BCC broken and a check digit wrong (reject)
  | 'strayBytes'; // stray bytes before the document: NULs, a power-up byte, a half-read swipe

/**
 * What a line-mode reader leaves between documents: NULs and a 0xFF from power-up on a line
 * of their own, XOFF, then the start of a half-read swipe with no line end — so the next
 * document's first line arrives glued to it.
 */
export const STRAY_BYTES = Buffer.concat([Buffer.from([0x00, 0x00, 0xff, 0x0d, 0x13]), Buffer.from('P<UTOERIK', 'latin1')]);

export interface MrzSimOptions {
  framing: MrzFraming;
  /** Serial line ending (default CR). */
  lineEnding?: '\r' | '\r\n';
  /** Split serial output into chunks of this many bytes (partial chunks exercise the decoder). */
  chunkSize?: number;
  /** Pause between chunks / reports. */
  gapMs?: number;
  hidReportId?: number;
}

export function applyVariant(lines: readonly string[], variant: MrzSimVariant): string[] {
  const out = [...lines];
  const last = out.length - 1;
  switch (variant) {
    case 'badCheckDigit':
    case 'badBccAndCheckDigit': {
      // The document-number check digit: TD1 line 1 position 15, TD2/TD3 line 2 position 10.
      const [li, pos] = out[0]!.length === 30 ? [0, 14] : [1, 9];
      const line = out[li]!;
      const d = (Number(line[pos]) + 1) % 10;
      out[li] = line.slice(0, pos) + d + line.slice(pos + 1);
      return out;
    }
    case 'truncated':
      out[last] = out[last]!.slice(0, -3);
      return out;
    case 'overlong':
      out[0] = out[0]! + '<<';
      return out;
    case 'missingLine':
      return out.slice(0, last);
    default:
      return out;
  }
}

/** The transport writes (chunks or reports) a reader would produce for these lines. */
export function mrzSimWrites(lines: readonly string[], variant: MrzSimVariant, opts: MrzSimOptions): Buffer[] {
  const eol = opts.lineEnding ?? '\r';
  if (variant === 'garbage') {
    const noise = Buffer.from([0x00, 0xff, 0x13, 0x8a, 0x41, 0x3c, 0x7e, 0x0d, 0xe2, 0x80, 0x21, 0x0d]);
    if (opts.framing === 'hid-text') return encodeTextReports(noise.toString('latin1'), opts.hidReportId);
    if (opts.framing === 'hid-keyboard') return encodeKeyboardReports('#?!\r', opts.hidReportId === undefined ? {} : { reportId: opts.hidReportId });
    return chunk(noise, opts.chunkSize);
  }
  const body = applyVariant(lines, variant);
  if (variant === 'strayBytes' && (opts.framing === 'lines' || opts.framing === 'hid-text')) {
    const text = Buffer.concat([STRAY_BYTES, Buffer.from(body.map((l) => l + eol).join(''), 'latin1')]);
    return opts.framing === 'lines' ? chunk(text, opts.chunkSize) : encodeTextReports(text.toString('latin1'), opts.hidReportId);
  }
  switch (opts.framing) {
    case 'rte': {
      const frame = encodeRteFrame(body, { breakBcc: variant === 'badBcc' || variant === 'badBccAndCheckDigit' });
      return chunk(frame, opts.chunkSize);
    }
    case 'hid-keyboard':
      return encodeKeyboardReports(body.map((l) => l + '\r').join(''), opts.hidReportId === undefined ? {} : { reportId: opts.hidReportId });
    case 'hid-text':
      return encodeTextReports(body.map((l) => l + '\r').join(''), opts.hidReportId);
    case 'lines':
      return chunk(Buffer.from(body.map((l) => l + eol).join(''), 'latin1'), opts.chunkSize);
  }
}

export class MrzReaderSim {
  constructor(
    readonly transport: Transport,
    private readonly opts: MrzSimOptions,
  ) {}

  async open(): Promise<void> {
    if (!this.transport.isOpen) await this.transport.open();
  }

  /** Presents a document to the (simulated) reader window: sends what the reader would. */
  async present(lines: readonly string[] = MRZ_SPECIMENS.TD3, variant: MrzSimVariant = 'good'): Promise<void> {
    for (const w of mrzSimWrites(lines, variant, this.opts)) {
      await this.transport.write(w);
      if (this.opts.gapMs) await new Promise((r) => setTimeout(r, this.opts.gapMs));
    }
  }

  /** Sends bytes as they are (stray bytes between documents, in tests and training). */
  async sendRaw(bytes: Uint8Array): Promise<void> {
    await this.transport.write(Buffer.from(bytes));
  }

  async close(): Promise<void> {
    await this.transport.close();
  }
}

/** A TD3 zone for any document number (training documents with valid check digits). */
export function trainingTd3(documentNumber: string): string[] {
  const doc = documentNumber.toUpperCase().padEnd(9, '<').slice(0, 9);
  let l2 = `${doc}${mrzCheckDigit(doc)}IDN9001015M3501012<<<<<<<<<<<<<<<`;
  l2 += mrzCheckDigit(l2.slice(0, 10) + l2.slice(13, 20) + l2.slice(21, 43));
  return ['P<IDNPELATIHAN<<DOKUMEN'.padEnd(44, '<'), l2];
}

function chunk(bytes: Buffer, size?: number): Buffer[] {
  if (!size || size >= bytes.length) return [bytes];
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}
