// Printing a data page through the operating system's spooler (Electron only): booklet
// printers come with their maker's driver, reached by the printer's system name. A hidden,
// sandboxed window loads our print page (renderer/print.html, same app:// origin and CSP),
// pdf.js draws the PDF at the printer's resolution, and webContents.print sends it silently
// with the page size in microns and zero margins. Electron releases have ignored pageSize
// in silent jobs (electron/electron#29532, fixed by #50808); the print page also declares
// `@page { size: 125mm 88mm }`, and test/e2e/electron-print.spec.ts checks the size of the
// job a printer actually receives.
//
// The spooler says only whether it took the job: unlike IPP, it does not tell when the page
// is printed or why it was not. Use the printer's ipp:// address where the printer has one.
import { BrowserWindow } from 'electron';
import type { WebContentsPrintOptions } from 'electron';
import { APP_ORIGIN } from './window';
import { fail, ok } from '../native/result';
import type { Result } from '../native/result';
import type { DataPagePrinter, PageMedia, PrintJob, PrintOutcome, PrintProgress, PrinterFitness, PrinterStatus } from '../native/printer';

export const PRINT_PAGE_URL = `${APP_ORIGIN}/print.html`;
/** Rendering resolution of the page: booklet printers print at 300–600 dpi. */
export const PRINT_DPI = 600;

/** What we ask of Chromium's print system for one data page. */
export function printOptions(deviceName: string, media: PageMedia): WebContentsPrintOptions {
  return {
    silent: true,
    deviceName,
    printBackground: true,
    color: true,
    landscape: false,
    scaleFactor: 100,
    copies: 1,
    pageSize: { width: Math.round(media.widthMm * 1000), height: Math.round(media.heightMm * 1000) },
    margins: { marginType: 'custom', top: 0, bottom: 0, left: 0, right: 0 },
  };
}

function hiddenWindow(): BrowserWindow {
  return new BrowserWindow({
    show: false,
    width: 600,
    height: 500,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, spellcheck: false, devTools: false },
  });
}

export function electronSystemPrinter(deviceName: string): DataPagePrinter {
  let probe: BrowserWindow | null = null;
  const printers = async () => {
    if (!probe || probe.isDestroyed()) probe = hiddenWindow();
    return probe.webContents.getPrintersAsync();
  };
  const find = async (): Promise<Result<Electron.PrinterInfo>> => {
    const list = await printers().catch(() => [] as Electron.PrinterInfo[]);
    const p = list.find((x) => x.name === deviceName);
    return p ? ok(p) : fail('disconnected', 'device.system.notFound', { name: deviceName });
  };

  return {
    kind: 'system',
    address: `system:${deviceName}`,
    async status(): Promise<Result<PrinterStatus>> {
      const p = await find();
      if (!p.ok) return p;
      return ok({ state: 'idle', reasons: [], acceptingJobs: true, model: p.value.displayName || p.value.name });
    },
    async fitness(_media: PageMedia): Promise<Result<PrinterFitness>> {
      const p = await find();
      if (!p.ok) return p;
      // The page is drawn here and the driver gets a page of our size: its own formats and
      // media list are not visible through the spooler.
      return ok({ acceptsPdf: true, mediaSupported: true, formats: ['application/pdf'], problems: [] });
    },
    async print(job: PrintJob, o: { signal?: AbortSignal; onProgress?: (p: PrintProgress) => void } = {}): Promise<Result<PrintOutcome>> {
      const started = performance.now();
      const p = await find();
      if (!p.ok) return p;
      if (o.signal?.aborted) return fail('cancelled', 'device.ipp.cancelled', {});
      o.onProgress?.({ phase: 'sending', message: { key: 'device.ipp.sending' } });
      const win = hiddenWindow();
      try {
        await win.loadURL(PRINT_PAGE_URL);
        const base64 = Buffer.from(job.pdf).toString('base64');
        await win.webContents.executeJavaScript(`window.loketRenderPdf(${JSON.stringify(base64)}, ${PRINT_DPI})`, true);
        const sent = await new Promise<{ success: boolean; reason: string }>((resolve) => {
          win.webContents.print(printOptions(deviceName, job.media), (success, reason) => resolve({ success, reason }));
        });
        if (!sent.success) {
          return fail(sent.reason === 'Print job canceled' ? 'cancelled' : 'rejected', 'device.system.failed', { reason: sent.reason || 'unknown' }, sent.reason);
        }
        const ms = performance.now() - started;
        o.onProgress?.({ phase: 'completed', message: { key: 'device.system.spooled' } });
        return ok({ jobId: 0, transferMs: ms, totalMs: ms });
      } catch (err) {
        return fail('io', 'device.system.failed', { reason: (err as Error).message }, (err as Error).stack);
      } finally {
        if (!win.isDestroyed()) win.destroy();
      }
    },
  };
}
