// Receipt blocks (domain/receipt-layout.ts) as one ESC/POS job: ESC @, the WPC1252 code
// page, then each block with its own settings, ending with a feed and a partial cut.
import type { PaperWidthMm, ReceiptBlock } from '../../../domain/receipt-layout';
import { RECEIPT_COLUMNS } from '../../../domain/receipt-layout';
import {
  align,
  barcodeHeight,
  barcodeHriPosition,
  barcodeModuleWidth,
  bold,
  characterSize,
  code128B,
  feedAndPartialCut,
  feedLines,
  initialize,
  line,
  qrCode,
  selectCodePage,
} from './escpos-codec';

export function renderReceipt(blocks: readonly ReceiptBlock[], paper: PaperWidthMm): Buffer {
  const out: Buffer[] = [initialize(), selectCodePage('wpc1252')];
  const reset = (): void => void out.push(align('left'), bold(false), characterSize(1, 1));
  for (const b of blocks) {
    switch (b.kind) {
      case 'text':
        out.push(align(b.align ?? 'left'), bold(b.bold ?? false), characterSize(b.size ?? 1, b.size ?? 1), line(b.text));
        reset();
        break;
      case 'rule':
        out.push(line('-'.repeat(RECEIPT_COLUMNS[paper])));
        break;
      case 'qr':
        // 6-dot modules: a booking code's version-1 symbol is 21 × 6 = 126 dots (16 mm), easy for a hand scanner.
        out.push(align('center'), qrCode(b.data, { moduleDots: paper === 58 ? 5 : 6, level: 'M' }), Buffer.from([0x0a]));
        reset();
        break;
      case 'code128':
        // 2-dot modules keep a 12-character code inside 58 mm paper; the code is printed under the bars.
        out.push(align('center'), barcodeModuleWidth(2), barcodeHeight(80), barcodeHriPosition('below'), code128B(b.data));
        reset();
        break;
      case 'feed':
        out.push(feedLines(b.lines));
        break;
      case 'cut':
        out.push(feedAndPartialCut(0));
        break;
    }
  }
  return Buffer.concat(out);
}
