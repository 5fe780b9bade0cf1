// pdf.js, loaded on first use (it is large and only the printer screens need it). Its
// worker is a file of our own bundle, served by either host from our own origin — the CSP
// allows no plugin, no eval and no foreign script, so Chromium's PDF viewer is out and
// pdf.js runs with eval, WebAssembly and system fonts turned off.
import type * as PdfJs from 'pdfjs-dist';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

let loading: Promise<typeof PdfJs> | null = null;

function pdfjs(): Promise<typeof PdfJs> {
  loading ??= import('pdfjs-dist').then((lib) => {
    lib.GlobalWorkerOptions.workerSrc = workerUrl;
    return lib;
  });
  return loading;
}

export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const lib = await pdfjs();
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  return lib.getDocument({ data: bytes.slice(), isEvalSupported: false, useWasm: false, useSystemFonts: false, enableXfa: false }).promise;
}
