// MRZ reader driver: listens on a Transport and turns what the reader sends into
// `document` events (the raw lines, their format and the framing they came in) and
// `error` events carrying translation keys. One driver, four framings:
//   'lines'        OCR text over serial, CR or CR LF per line (most readers)
//   'rte'          3M RTE native frames (see rte-codec.ts)
//   'hid-keyboard' keyboard-emulation reports (hid-keyboard-codec.ts)
//   'hid-text'     vendor reports carrying text (hid-text-report-codec.ts)
// Readers only talk: nothing is ever written to them. Validation of the fields (check
// digits, dates) is the MRZ domain's job; the driver checks check digits itself only to
// accept an RTE frame whose BCC it could not verify.
import { TalkingDevice } from '../talking-device';
import { mrzCheckDigitsHold } from '../../../domain/mrz/parse-mrz';
import type { MrzFormat } from '../../../domain/mrz/mrz-types';
import { fail } from '../../result';
import type { DeviceError } from '../../result';
import type { Transport } from '../../transport/transport';
import { HidKeyboardDecoder } from './hid-keyboard-codec';
import { HidTextReportDecoder } from './hid-text-report-codec';
import { LineSplitter } from './line-splitter';
import { LINE_LENGTHS, MrzLineAssembler } from './mrz-line-assembler';
import type { AssemblerEvent, DroppedBytes } from './mrz-line-assembler';
import { MRZ_READER_KEYS } from './mrz-reader-keys';
import { RteDecoder } from './rte-codec';

export type MrzFraming = 'lines' | 'rte' | 'hid-keyboard' | 'hid-text';

export interface MrzReaderOptions {
  framing: MrzFraming;
  /** Silence after which a half-received document is reported incomplete (default 400 ms). */
  idleFlushMs?: number;
  /** Report id for HID framings (numbered reports); keyboard default none, text default 0x01. */
  hidReportId?: number;
}

export interface MrzDocumentEvent {
  lines: string[];
  format: MrzFormat;
  framing: MrzFraming;
  /** RTE only: the frame's BCC matched no known rule; accepted because the check digits hold. */
  bccUnverified?: boolean;
  /** RTE only: the BCC rule that verified, for the trace. */
  bccRule?: string;
  receivedAt: Date;
}

/** Bytes dropped while resynchronising on the MRZ (counts only: the text may be personal). */
export interface MrzDroppedEvent {
  count: number;
  classes: DroppedBytes;
}

export interface MrzReaderEvents {
  document: (doc: MrzDocumentEvent) => void;
  error: (err: DeviceError) => void;
  dropped: (ev: MrzDroppedEvent) => void;
  close: () => void;
}

export class MrzReader extends TalkingDevice {
  private readonly splitter = new LineSplitter();
  private readonly assembler = new MrzLineAssembler();
  private readonly rte = new RteDecoder();
  private readonly keyboard: HidKeyboardDecoder;
  private readonly textReports: HidTextReportDecoder;

  constructor(
    transport: Transport,
    private readonly opts: MrzReaderOptions,
  ) {
    super(transport, opts.idleFlushMs ?? 400);
    this.keyboard = new HidKeyboardDecoder(opts.hidReportId === undefined ? {} : { reportId: opts.hidReportId });
    this.textReports = new HidTextReportDecoder(opts.hidReportId ?? 0x01);
  }

  get framing(): MrzFraming {
    return this.opts.framing;
  }

  /** Bytes (or one HID report) as they came from the transport. Public for replay tools. */
  receive(bytes: Buffer): void {
    switch (this.opts.framing) {
      case 'lines':
        this.text(bytes);
        break;
      case 'hid-keyboard':
        this.text(this.keyboard.pushReport(bytes));
        break;
      case 'hid-text':
        this.text(this.textReports.pushReport(bytes));
        break;
      case 'rte':
        this.rteBytes(bytes);
        break;
    }
  }

  private text(bytes: Buffer): void {
    if (bytes.length === 0) return;
    for (const line of this.splitter.push(bytes)) this.handle(this.assembler.pushLine(line));
    this.armIdle();
  }

  private rteBytes(bytes: Buffer): void {
    for (const ev of this.rte.push(bytes)) {
      if (ev.kind === 'garbage') {
        this.report(fail('protocol', MRZ_READER_KEYS.garbage, { length: ev.bytes.length }, `rte garbage ${ev.bytes.subarray(0, 32).toString('hex')}`));
        continue;
      }
      const { frame } = ev;
      const format = formatOf(frame.lines);
      if (!format) {
        this.report(fail('protocol', MRZ_READER_KEYS.frameCorrupt, {}, `rte frame with lines of ${frame.lines.map((l) => l.length).join('/')}`));
        continue;
      }
      if (frame.bcc.verified) {
        this.emitDocument({ lines: frame.lines, format, framing: 'rte', bccRule: frame.bcc.rule!, receivedAt: new Date() });
      } else if (mrzCheckDigitsHold(frame.lines)) {
        this.emitDocument({ lines: frame.lines, format, framing: 'rte', bccUnverified: true, receivedAt: new Date() });
      } else {
        this.report(fail('protocol', MRZ_READER_KEYS.frameCorrupt, {}, `rte BCC ${frame.bcc.value.toString(16)} unverified and check digits fail`));
      }
    }
  }

  private handle(events: AssemblerEvent[]): void {
    for (const ev of events) {
      if (ev.kind === 'document') {
        this.emitDocument({ lines: ev.lines, format: ev.format, framing: this.opts.framing, receivedAt: new Date() });
      } else if (ev.kind === 'dropped') {
        this.emit('dropped', { count: ev.count, classes: ev.classes });
      } else {
        this.report(fail('protocol', ev.key, ev.params, `rejected lines: ${JSON.stringify(ev.raw).slice(0, 200)}`));
      }
    }
  }

  private emitDocument(doc: MrzDocumentEvent): void {
    this.emit('document', doc);
  }

  protected onIdle(): void {
    // A reader that does not end its last line: what is buffered is a line.
    const partial = this.splitter.takePartial();
    if (partial !== undefined) this.handle(this.assembler.pushLine(partial));
    this.handle(this.assembler.flush());
  }


  override on<E extends keyof MrzReaderEvents>(event: E, listener: MrzReaderEvents[E]): this {
    return super.on(event, listener);
  }
  override once<E extends keyof MrzReaderEvents>(event: E, listener: MrzReaderEvents[E]): this {
    return super.once(event, listener);
  }
  override off<E extends keyof MrzReaderEvents>(event: E, listener: MrzReaderEvents[E]): this {
    return super.off(event, listener);
  }
}

function formatOf(lines: readonly string[]): MrzFormat | undefined {
  for (const [format, len] of Object.entries(LINE_LENGTHS) as [MrzFormat, number][]) {
    const count = format === 'TD1' ? 3 : 2;
    if (lines.length === count && lines.every((l) => l.length === len && /^[A-Z0-9<]+$/.test(l))) return format;
  }
  return undefined;
}
