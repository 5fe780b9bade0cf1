// The hidden print window's page (Electron only). The shell calls loketRenderPdf with the
// PDF; pdf.js draws each page at the printer's resolution onto a canvas exactly the page's
// size in millimetres, and the shell then prints the window silently. The spooler path has
// no PDF of its own: Chromium's built-in viewer cannot be printed from a hidden window.
import './print.css';
import { openPdf } from '../lib/pdfjs';

declare global {
  interface Window { loketRenderPdf?: (base64: string, dpi: number) => Promise<{ pages: number; widthMm: number; heightMm: number }> }
}

const MM_PER_PT = 25.4 / 72;

window.loketRenderPdf = async (base64, dpi) => {
  const doc = await openPdf(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
  const root = document.getElementById('pages')!;
  root.replaceChildren();
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
    root.append(canvas);
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { pages, ...size };
};
