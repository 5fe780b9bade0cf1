// Draws every page of a PDF onto its own canvas at a given resolution, each canvas sized in
// millimetres to the page's real size, for printing: the BAP through the browser's dialog
// (print-pdf.ts) and the data page in the shell's hidden print window (print/print-page.ts).
import type { PDFDocumentProxy } from 'pdfjs-dist';

const MM_PER_PT = 25.4 / 72;

/** The canvases in page order, and the size of the last page in millimetres. */
export async function pdfCanvases(doc: PDFDocumentProxy, dpi: number): Promise<{ canvases: HTMLCanvasElement[]; widthMm: number; heightMm: number }> {
  const canvases: HTMLCanvasElement[] = [];
  let size = { widthMm: 0, heightMm: 0 };
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const base = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: dpi / 72 });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(viewport.width);
    canvas.height = Math.round(viewport.height);
    await page.render({ canvas, viewport }).promise;
    size = { widthMm: base.width * MM_PER_PT, heightMm: base.height * MM_PER_PT };
    canvas.style.width = `${size.widthMm}mm`;
    canvas.style.height = `${size.heightMm}mm`;
    canvases.push(canvas);
  }
  return { canvases, ...size };
}
