// `npm run device -- escpos status|test-page --port <path> [--baud 9600] [--paper 80|58]`:
// the technician's tool for an ESC/POS receipt printer — on a serial port, a USB
// printer-class node (/dev/usb/lp0), a Windows raw queue (queue:NAME), or the in-process
// simulator ("sim", whose test page is written to --out).
import { writeFile } from 'node:fs/promises';
import { testPage } from '../../domain/receipt-layout';
import { EscPosPrinter } from '../drivers/escpos/driver';
import { escposConnection } from '../drivers/escpos/connection';
import type { EscPosConnection } from '../drivers/escpos/connection';
import { renderReceipt } from '../drivers/escpos/escpos-document';
import { escposMessages } from '../drivers/escpos/messages';
import type { DeviceMessage } from '../result';
import { EscPosSimulator } from '../sim/escpos-sim';
import { TrafficTrace } from '../trace';
import { createMemoryPair } from '../transport/memory-pair';
import type { CliContext } from './cli-context';

export const ESCPOS_ACTIONS = ['status', 'test-page'];

function say(m: DeviceMessage, cli: CliContext): string {
  const text = (escposMessages.en as Record<string, string>)[m.key];
  if (!text) return cli.sentence({ code: 'io', ...m });
  return text.replace(/\{\{(\w+)\}\}/g, (_x, k: string) => String(m.params?.[k] ?? `{${k}}`));
}

export async function escpos(action: string, values: Record<string, string | boolean | undefined>, cli: CliContext): Promise<number> {
  const port = values.port as string | undefined;
  if (!port) return cli.usage('--port is required (a serial path such as /dev/ttyUSB0, /dev/usb/lp0, queue:NAME on Windows, or "sim")');
  const baud = Number(values.baud ?? 9600);
  if (!Number.isInteger(baud) || baud < 1200 || baud > 115_200) return cli.usage('--baud must be a serial speed such as 9600, 19200 or 38400 (see the printer\'s DIP switches)');
  const paper = Number(values.paper ?? 80);
  if (paper !== 80 && paper !== 58) return cli.usage('--paper must be 80 or 58 (mm)');

  let conn: EscPosConnection;
  let sim: EscPosSimulator | undefined;
  if (port === 'sim') {
    const [hostEnd, deviceEnd] = createMemoryPair();
    sim = new EscPosSimulator({ paperMm: paper });
    await deviceEnd.open();
    sim.attach(deviceEnd);
    conn = { transport: hostEnd, bidirectional: true, link: 'serial' };
  } else conn = escposConnection(port, baud);
  try {
    await conn.transport.open();
  } catch (err) {
    console.error(`Cannot open ${port}: ${(err as Error).message}\nCheck the path (npm run device -- list), that no other program holds the port, and your permission (group dialout for serial, lp for /dev/usb/lp*).`);
    return 1;
  }
  const trace = new TrafficTrace();
  const printer = new EscPosPrinter({ bidirectional: conn.bidirectional });
  printer.on('frame', (f: { dir: 'tx' | 'rx'; bytes: Buffer; name: string; at: number }) => trace.record(f.dir, f.bytes, f.name, f.at));
  printer.attach(conn.transport);
  try {
    if (action === 'status') {
      const s = await printer.status();
      if (!s.ok) {
        console.error(say(s.error, cli));
        return 1;
      }
      console.log(say(s.value.message, cli));
      for (const p of s.value.problems.slice(1)) console.log(say({ key: `device.escpos.${p}` }, cli));
      if (s.value.status) console.log(`  ${Object.entries(s.value.status).map(([k, v]) => `${k}=${v ? 'yes' : 'no'}`).join(', ')}`);
      return s.value.problems.length === 0 ? 0 : 1;
    }
    const cut = sim ? new Promise<void>((resolve) => {
      const t = setTimeout(resolve, 3000);
      sim!.once('receipt', () => (clearTimeout(t), resolve()));
    }) : Promise.resolve();
    const r = await printer.print(renderReceipt(testPage(paper, new Date().toISOString()), paper));
    if (!r.ok) {
      console.error(`The test page was not printed.\n${say(r.error, cli)}`);
      return 1;
    }
    for (const p of r.value.problems) console.log(say({ key: `device.escpos.${p}` }, cli));
    await cut;
    if (sim) {
      const page = sim.receipts.at(-1);
      if (page && values.out) {
        await writeFile(String(values.out), page.png);
        console.log(`simulated test page saved to ${values.out}`);
      }
    }
    console.log(`Test page sent (${paper} mm) to ${port}.`);
    return 0;
  } finally {
    if (values.trace) {
      await trace.save(String(values.trace), `escpos ${action} on ${port}`);
      console.log(`trace saved to ${values.trace}`);
    }
    printer.detach();
    await conn.transport.close().catch(() => undefined);
  }
}
