// Technician CLI: `npm run device -- <driver> <action> --port <path> [--baud N]`
//   npm run device -- list                         serial ports and HID devices
//   npm run device -- zfm identify --port /dev/ttyUSB0
//   npm run device -- zfm selftest --port /dev/ttyUSB0 --baud 57600
//   npm run device -- zfm sysparams --port /dev/ttyUSB0
//   npm run device -- zfm capture --port /dev/ttyUSB0 --out finger.png [--timeout 15]
//   npm run device -- gt521 identify|selftest|capture --port /dev/ttyUSB0 [--baud 9600]
// `--port sim` talks to the in-process simulator (a finger is on its sensor).
// `--trace <file>` saves the traffic trace. Exit code 0 on success, 1 when the device
// fails, 2 on a usage error.
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ZfmDriver, describeError } from '../drivers/zfm/driver';
import { zfmMessages } from '../drivers/zfm/messages';
import { gt521Messages } from '../drivers/gt521/messages';
import { GT521_ACTIONS, gt521 } from './gt521-actions';
import { ESCPOS_ACTIONS, escpos } from './escpos-actions';
import { deviceMessages } from '../device-messages';
import { unpack4bpp } from '../imaging/fingerprint-image';
import { encodeGrayPng } from '../imaging/png';
import { fingerprintQuality } from '../imaging/quality';
import type { DeviceError } from '../result';
import { zfmMemorySim } from '../sim/zfm-memory-sim';
import { TrafficTrace } from '../trace';
import { listPorts } from '../transport/port-list';
import { SerialTransport } from '../transport/serial';
import type { Transport } from '../transport/transport';

const USAGE = `usage: npm run device -- <driver> <action> --port <path> [--baud N]
  npm run device -- list
  npm run device -- zfm identify|selftest|sysparams --port <path|sim> [--baud 57600]
  npm run device -- zfm capture --port <path|sim> --out <file.png> [--timeout 15]
  npm run device -- gt521 identify|selftest --port <path|sim> [--baud 9600]
  npm run device -- gt521 capture --port <path|sim> --out <file.png> [--timeout 15]
  npm run device -- escpos status|test-page --port <path|/dev/usb/lp0|queue:NAME|sim> [--baud 9600] [--paper 80|58] [--out page.png]
options: --trace <file> saves the traffic trace; --password <n> for a module with a password`;

const ZFM_ACTIONS = ['identify', 'selftest', 'sysparams', 'capture'];

function sentence(e: DeviceError): string {
  const table: Record<string, string> = { ...deviceMessages.en, ...zfmMessages.en, ...gt521Messages.en };
  const text = (table[e.key] ?? e.key).replace(/\{\{(\w+)\}\}/g, (_m, k: string) => String(e.params?.[k] ?? `{${k}}`));
  return `${text}\n  [${describeError(e)}]`;
}

async function list(): Promise<number> {
  const { ports, problems } = await listPorts();
  if (ports.length === 0) console.log('No serial ports or HID devices found. PTYs (socat) are not listed: give their path with --port.');
  for (const p of ports) {
    const usb = p.vendorId !== undefined ? ` ${p.vendorId.toString(16).padStart(4, '0')}:${(p.productId ?? 0).toString(16).padStart(4, '0')}` : '';
    console.log(`${p.type.padEnd(6)} ${p.path}${usb}${p.manufacturer ? `  ${p.manufacturer}` : ''}${p.product ? ` ${p.product}` : ''}${p.serialNumber ? `  s/n ${p.serialNumber}` : ''}`);
  }
  for (const problem of problems) console.error(`note: could not list ${problem}`);
  return 0;
}

async function zfm(action: string, values: Record<string, string | boolean | undefined>): Promise<number> {
  const port = values.port as string | undefined;
  if (!port) return usage('--port is required (a path such as /dev/ttyUSB0, or "sim")');
  const baud = Number(values.baud ?? 57_600);
  if (!Number.isInteger(baud) || baud % 9600 !== 0 || baud < 9600 || baud > 115_200) return usage('--baud must be 9600 × N, N = 1…12 (57600 is the module default)');
  if (action === 'capture' && !values.out) return usage('capture needs --out <file.png>');

  let transport: Transport;
  if (port === 'sim') {
    const sim = zfmMemorySim({ baud });
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
  const driver = new ZfmDriver({ ...(values.password ? { password: Number(values.password) } : {}) });
  driver.on('frame', (f) => trace.record(f.dir, f.bytes, f.name, f.at));
  driver.attach(transport);
  try {
    return await run(driver, action, values);
  } finally {
    if (values.trace) {
      await trace.save(String(values.trace), `zfm ${action} on ${port}`);
      console.log(`trace saved to ${values.trace}`);
    }
    driver.detach();
    await transport.close().catch(() => undefined);
  }
}

async function run(driver: ZfmDriver, action: string, values: Record<string, string | boolean | undefined>): Promise<number> {
  const id = await driver.identify();
  if (!id.ok) {
    console.error(`The module does not answer as a ZFM fingerprint reader.\n${sentence(id.error)}\nCheck the port and the baud rate (--baud; modules leave the factory at 57600).`);
    return 1;
  }
  const p = id.value.sysParams;
  switch (action) {
    case 'identify':
      console.log(`ZFM fingerprint module (${id.value.model === 'r50x' ? 'R50x with LED ring' : 'ZFM-20 family'})`);
      console.log(`  ${p.baudRate} baud, packets of ${p.packetBytes} B, library ${id.value.templateCount}/${p.librarySize} templates, security level ${p.securityLevel}`);
      return 0;
    case 'sysparams':
      console.log(JSON.stringify({ ...p, address: `0x${p.address.toString(16).padStart(8, '0')}` }, null, 2));
      return 0;
    case 'selftest': {
      const checks = await driver.selfTest();
      for (const c of checks) console.log(`${c.ok ? 'PASS' : 'FAIL'}  ${c.name.padEnd(9)} ${c.detail}`);
      return checks.every((c) => c.ok) ? 0 : 1;
    }
    case 'capture': {
      const timeoutMs = Number(values.timeout ?? 15) * 1000;
      console.log(`Place a finger on the sensor (${timeoutMs / 1000} s)…`);
      let lastPct = -1;
      driver.on('progress', (e) => {
        const pct = Math.floor((100 * e.received) / e.total / 10) * 10;
        if (pct !== lastPct) process.stdout.write(`${(lastPct = pct)}% `);
      });
      const started = Date.now();
      const img = await driver.captureImage({ timeoutMs });
      if (!img.ok) {
        console.error(`\nCapture failed.\n${sentence(img.error)}`);
        return 1;
      }
      const gray = unpack4bpp(img.value.packed, img.value.width, img.value.height);
      const q = fingerprintQuality(gray);
      await writeFile(String(values.out), encodeGrayPng(gray, 500));
      console.log(`\nSaved ${values.out}: ${img.value.width}×${img.value.height}, 500 ppi, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      console.log(`Quality score ${q.score}/100 (coverage ${(q.coverage * 100).toFixed(0)}%, contrast ${q.contrast.toFixed(2)}, coherence ${q.coherence.toFixed(2)})`);
      return 0;
    }
    default:
      return usage(`unknown action "${action}" for zfm (${ZFM_ACTIONS.join(', ')})`);
  }
}

function usage(msg?: string): number {
  if (msg) console.error(msg);
  console.error(USAGE);
  return 2;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      baud: { type: 'string' },
      out: { type: 'string' },
      timeout: { type: 'string' },
      trace: { type: 'string' },
      password: { type: 'string' },
      paper: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  const [first, second] = positionals;
  if (values.help) {
    usage();
    return 0;
  }
  if (first === 'list' || second === 'list') return list();
  if (first === 'zfm') {
    if (!second || !ZFM_ACTIONS.includes(second)) return usage(second ? `unknown action "${second}" for zfm (${ZFM_ACTIONS.join(', ')}, list)` : 'which action?');
    return zfm(second, values);
  }
  if (first === 'gt521') {
    if (!second || !GT521_ACTIONS.includes(second)) return usage(second ? `unknown action "${second}" for gt521 (${GT521_ACTIONS.join(', ')}, list)` : 'which action?');
    return gt521(second, values, { usage, sentence });
  }
  if (first === 'escpos') {
    if (!second || !ESCPOS_ACTIONS.includes(second)) return usage(second ? `unknown action "${second}" for escpos (${ESCPOS_ACTIONS.join(', ')})` : 'which action?');
    return escpos(second, values, { usage, sentence });
  }
  return usage(first ? `unknown driver "${first}" (known: zfm, gt521, escpos)` : undefined);
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`device tool failed: ${(err as Error).message}`);
    process.exit(1);
  },
);
