// Prints a PDF the station made (the BAP) through the browser's own print dialog. The CSP
// allows no PDF plugin, so pdf.js draws each page at 200 dpi into a container that only
// the print stylesheet shows (styles.css, .print-pdf-root), sized in millimetres so the
// sheet comes out at the page's real size; the container goes once the dialog closes.
import { openPdf } from './pdfjs';

const PRINT_DPI = 200;
const MM_PER_PT = 25.4 / 72;

export async function printPdf(bytes: Uint8Array): Promise<number> {
  const doc = await openPdf(bytes);
  const root = document.createElement('div');
  root.className = 'print-pdf-root';
  root.dataset.testid = 'print-pdf-root';
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const base = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: PRINT_DPI / 72 });
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(viewport.width);
      canvas.height = Math.round(viewport.height);
      await page.render({ canvas, viewport }).promise;
      canvas.style.width = `${base.width * MM_PER_PT}mm`;
      canvas.style.height = `${base.height * MM_PER_PT}mm`;
      root.append(canvas);
    }
    document.body.append(root);
    document.body.classList.add('printing-pdf');
    window.print();
    return doc.numPages;
  } finally {
    document.body.classList.remove('printing-pdf');
    root.remove();
    void doc.destroy();
  }
}
