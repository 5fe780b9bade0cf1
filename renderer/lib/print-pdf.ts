// Prints a PDF the station made (the BAP) through the browser's own print dialog. The CSP
// allows no PDF plugin, so pdf.js draws each page at 200 dpi into a container that only
// the print stylesheet shows (styles.css, .print-pdf-root), sized in millimetres so the
// sheet comes out at the page's real size; the container goes once the dialog closes.
import { openPdf } from './pdfjs';
import { pdfCanvases } from './pdf-canvases';

const PRINT_DPI = 200;

export async function printPdf(bytes: Uint8Array): Promise<number> {
  const doc = await openPdf(bytes);
  const root = document.createElement('div');
  root.className = 'print-pdf-root';
  root.dataset.testid = 'print-pdf-root';
  try {
    root.append(...(await pdfCanvases(doc, PRINT_DPI)).canvases);
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
