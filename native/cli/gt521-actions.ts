// `npm run device -- gt521 identify|selftest|capture …`: the technician's tool for the
// GT-521Fxx, on a serial path or the in-process simulator ("sim").
import { writeFile } from 'node:fs/promises';
import { Gt521Driver } from '../drivers/gt521/driver';
import { BAUD_RATES, BOOT_BAUD } from '../drivers/gt521/constants';
import { encodeGrayPng } from '../imaging/png';
import { fingerprintQuality } from '../imaging/quality';
import { gt521MemorySim } from '../sim/gt521-memory-sim';
import { TrafficTrace } from '../trace';
import { SerialTransport } from '../transport/serial';
import type { Transport } from '../transport/transport';
import type { CliContext } from './cli-context';

export const GT521_ACTIONS = ['identify', 'selftest', 'capture'];

export async function gt521(action: string, values: Record<string, string | boolean | undefined>, cli: CliContext): Promise<number> {
  const port = values.port as string | undefined;
  if (!port) return cli.usage('--port is required (a path such as /dev/ttyUSB0, or "sim")');
  const baud = Number(values.baud ?? BOOT_BAUD);
  if (!(BAUD_RATES as readonly number[]).includes(baud)) return cli.usage(`--baud must be one of ${BAUD_RATES.join(', ')} (the module starts at 9600)`);
  if (action === 'capture' && !values.out) return cli.usage('capture needs --out <file.png>');

  let transport: Transport;
  if (port === 'sim') {
    const sim = gt521MemorySim({ baud });
    sim.sim.placeFinger('technician-test', 'clean');
    transport = await sim.connect({});
  } else {
    transport = new SerialTransport({ path: port, baudRate: baud });
    try {
      await transport.open();
    } catch (err) {
      console.error(`Cannot open ${port}: ${(err as Error).message}\nCheck the path (npm run device -- list), that no other program holds the port, and your permission (group dialout).`);
      return 1;
    }
  }
  const trace = new TrafficTrace();
  const driver = new Gt521Driver();
  driver.on('frame', (f) => trace.record(f.dir, f.bytes, f.name, f.at));
  driver.attach(transport);
  try {
    return await run(driver, action, values, cli);
  } finally {
    if (values.trace) {
      await trace.save(String(values.trace), `gt521 ${action} on ${port}`);
      console.log(`trace saved to ${values.trace}`);
    }
    driver.detach();
    await transport.close().catch(() => undefined);
  }
}

async function run(driver: Gt521Driver, action: string, values: Record<string, string | boolean | undefined>, cli: CliContext): Promise<number> {
  if (action === 'selftest') {
    const checks = await driver.selfTest();
    for (const c of checks) console.log(`${c.ok ? 'PASS' : 'FAIL'}  ${c.name.padEnd(12)} ${c.detail}`);
    return checks.every((c) => c.ok) ? 0 : 1;
  }
  const id = await driver.identify();
  if (!id.ok) {
    console.error(`The module does not answer as a GT-521 fingerprint reader.\n${cli.sentence(id.error)}\nCheck the port and the baud rate (--baud; the module starts at 9600 after power-on).`);
    return 1;
  }
  const v = id.value;
  if (action === 'identify') {
    console.log(`GT-521${v.model.toUpperCase()} fingerprint module, firmware ${v.info.firmwareVersion.toString(16)}, serial ${v.info.serialNumber}`);
    console.log(`  ${v.baudRate} baud, library ${v.enrolled}/${v.capacity} templates, ISO area ${v.info.isoAreaMaxSize} bytes`);
    return 0;
  }
  if (action !== 'capture') return cli.usage(`unknown action "${action}" for gt521 (${GT521_ACTIONS.join(', ')})`);
  const timeoutMs = Number(values.timeout ?? 15) * 1000;
  console.log(`Place a finger on the sensor (${timeoutMs / 1000} s)…`);
  let lastPct = -1;
  const started = Date.now();
  const img = await driver.capture({
    timeoutMs,
    onEvent: (e) => {
      if (e.kind !== 'transfer') return;
      const pct = Math.floor((100 * e.received) / e.total / 10) * 10;
      if (pct !== lastPct) process.stdout.write(`${(lastPct = pct)}% `);
    },
  });
  if (!img.ok) {
    console.error(`\nCapture failed.\n${cli.sentence(img.error)}`);
    return 1;
  }
  const q = fingerprintQuality(img.value, { ppi: img.value.ppi });
  await writeFile(String(values.out), encodeGrayPng(img.value, img.value.ppi));
  console.log(`\nSaved ${values.out}: ${img.value.width}×${img.value.height}, ${img.value.ppi} ppi, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`Quality score ${q.score}/100 (coverage ${(q.coverage * 100).toFixed(0)}%, contrast ${q.contrast.toFixed(2)}, coherence ${q.coherence.toFixed(2)})`);
  return 0;
}
