// Serial barcode scanners in line mode: one code per line, CR or CR LF terminated. A
// scanner configured to transmit the AIM symbology id puts it in front ("]Q1ABC123"); we
// take it off and name the symbology, otherwise the symbology is "unknown".
import { LineSplitter } from '../mrz/line-splitter';
import { AIM_ID_PATTERN } from './symbology';

export interface SerialScan {
  code: string;
  aim?: string;
}

export class SerialScanDecoder {
  // Line handling is the same as for MRZ readers in OCR mode, hence the shared splitter.
  private readonly splitter = new LineSplitter(4096);

  push(bytes: Uint8Array): SerialScan[] {
    return this.splitter.push(bytes).flatMap((line) => {
      const text = Buffer.from(line, 'latin1').toString('utf8').trim();
      if (text === '') return [];
      const aim = AIM_ID_PATTERN.exec(text)?.[0];
      return aim ? [{ code: text.slice(3), aim }] : [{ code: text }];
    });
  }

  takePartial(): string | undefined {
    return this.splitter.takePartial();
  }
}
