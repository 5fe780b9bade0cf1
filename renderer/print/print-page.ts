// The hidden print window's page (Electron only). The shell calls loketRenderPdf with the
// PDF; pdf.js draws each page at the printer's resolution onto a canvas exactly the page's
// size in millimetres, and the shell then prints the window silently. The spooler path has
// no PDF of its own: Chromium's built-in viewer cannot be printed from a hidden window.
import './print.css';
import { openPdf } from '../lib/pdfjs';
import { pdfCanvases } from '../lib/pdf-canvases';

declare global {
  interface Window { loketRenderPdf?: (base64: string, dpi: number) => Promise<{ pages: number; widthMm: number; heightMm: number }> }
}

window.loketRenderPdf = async (base64, dpi) => {
  const doc = await openPdf(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
  const root = document.getElementById('pages')!;
  const { canvases, widthMm, heightMm } = await pdfCanvases(doc, dpi);
  root.replaceChildren(...canvases);
  const pages = doc.numPages;
  await doc.destroy();
  return { pages, widthMm, heightMm };
};
