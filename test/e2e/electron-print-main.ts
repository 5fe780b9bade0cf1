// Entry point of a tiny Electron app for electron-print.spec.ts (bundled by the test with
// esbuild): serves the built renderer on app://loket like the product, prints one PDF
// through the shell's OS-spooler path to the named system printer, prints the result on
// stdout and quits.
import { app } from 'electron';
import { readFileSync } from 'node:fs';
import { electronSystemPrinter } from '../../electron/print-shell';
import { hardenAllWebContents, installAppProtocol, registerAppScheme } from '../../electron/window';

const arg = (name: string): string => {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? process.argv[i + 1] : undefined;
  if (!v) throw new Error(`missing ${name}`);
  return v;
};

registerAppScheme();
hardenAllWebContents();
app.on('window-all-closed', () => undefined);
void app.whenReady().then(async () => {
  installAppProtocol(arg('--renderer'));
  const printer = electronSystemPrinter(arg('--printer'));
  const result = await printer.print({ pdf: new Uint8Array(readFileSync(arg('--pdf'))), name: 'loket-print-test', media: { widthMm: 125, heightMm: 88 } });
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
  app.quit();
});
