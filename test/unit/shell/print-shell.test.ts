// The OS-spooler print path run against a stand-in for the electron module (the runtime
// cannot run here): what it asks Chromium's print system for — silent, the printer's system
// name, the 125 × 88 mm page in microns, zero margins — the page it loads, the PDF it hands
// that page, and the sentences for a missing printer and a refused job. The size of a job a
// printer really receives is checked where Electron runs (test/e2e/electron-print.spec.ts).
import { beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  const state = {
    printers: [{ name: 'Datacard_CP80', displayName: 'Datacard CP80 Plus', description: '', status: 0, isDefault: false, options: {} }],
    loaded: [] as string[],
    scripts: [] as string[],
    printed: [] as unknown[],
    answer: { success: true, reason: '' },
    windows: [] as { destroyed: boolean; options: Record<string, unknown> }[],
  };
  class BrowserWindow {
    private record: { destroyed: boolean; options: Record<string, unknown> };
    webContents = {
      getPrintersAsync: async () => state.printers,
      executeJavaScript: async (code: string) => { state.scripts.push(code); return { pages: 1, widthMm: 125, heightMm: 88 }; },
      print: (options: unknown, cb: (success: boolean, reason: string) => void) => { state.printed.push(options); setTimeout(() => cb(state.answer.success, state.answer.reason), 1); },
    };
    constructor(options: Record<string, unknown>) { this.record = { destroyed: false, options }; state.windows.push(this.record); }
    async loadURL(url: string) { state.loaded.push(url); }
    isDestroyed() { return this.record.destroyed; }
    destroy() { this.record.destroyed = true; }
  }
  return { state, BrowserWindow };
});

vi.mock('electron', () => ({ BrowserWindow: fake.BrowserWindow, app: {}, protocol: {} }));

const { electronSystemPrinter, printOptions } = await import('../../../electron/print-shell');
const PAGE = { widthMm: 125, heightMm: 88 };
const PDF = new TextEncoder().encode('%PDF-1.7 data page');

beforeEach(() => {
  fake.state.loaded.length = 0;
  fake.state.scripts.length = 0;
  fake.state.printed.length = 0;
  fake.state.windows.length = 0;
  fake.state.answer = { success: true, reason: '' };
});

describe('printing through the OS spooler (Electron)', () => {
  it('asks for a silent job on the named printer, 125 × 88 mm in microns, zero margins', () => {
    expect(printOptions('Datacard_CP80', PAGE)).toEqual({
      silent: true, deviceName: 'Datacard_CP80', printBackground: true, color: true, landscape: false, scaleFactor: 100, copies: 1,
      pageSize: { width: 125_000, height: 88_000 },
      margins: { marginType: 'custom', top: 0, bottom: 0, left: 0, right: 0 },
    });
  });

  it('draws the PDF in a hidden sandboxed window of our own origin, prints it, and closes the window', async () => {
    const printer = electronSystemPrinter('Datacard_CP80');
    const r = await printer.print({ pdf: PDF, name: 'C1234567', media: PAGE });
    expect(r.ok).toBe(true);
    expect(fake.state.loaded).toEqual(['app://loket/print.html']);
    expect(fake.state.scripts[0]).toBe(`window.loketRenderPdf(${JSON.stringify(Buffer.from(PDF).toString('base64'))}, 600)`);
    expect(fake.state.printed).toEqual([printOptions('Datacard_CP80', PAGE)]);
    const win = fake.state.windows.at(-1)!;
    expect(win.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } });
    expect(win.destroyed).toBe(true);
  });

  it('finds the printer by its system name and says so when it is not installed', async () => {
    expect(await electronSystemPrinter('Datacard_CP80').status()).toMatchObject({ ok: true, value: { model: 'Datacard CP80 Plus' } });
    const missing = electronSystemPrinter('Datacard CP80 Plus');
    expect(await missing.status()).toMatchObject({ ok: false, error: { key: 'device.system.notFound', params: { name: 'Datacard CP80 Plus' } } });
    expect(await missing.print({ pdf: PDF, name: 'x', media: PAGE })).toMatchObject({ ok: false, error: { key: 'device.system.notFound' } });
    expect(fake.state.printed).toHaveLength(0);
  });

  it('turns a refused job into a sentence with the reason', async () => {
    fake.state.answer = { success: false, reason: 'Print job failed' };
    expect(await electronSystemPrinter('Datacard_CP80').print({ pdf: PDF, name: 'x', media: PAGE }))
      .toMatchObject({ ok: false, error: { code: 'rejected', key: 'device.system.failed', params: { reason: 'Print job failed' } } });
  });
});
