// `npm run sim -- escl [--port N] [--feeder-pages N] [--profile wide|office] [--https]`: an eSCL document scanner on 127.0.0.1.
// `npm run sim -- ipp [--port N]`: an IPP passport printer on 127.0.0.1 (PDF, 125 × 88 mm);
// type jam | empty | door | offline | clear | jobs | quit on stdin.
// `npm run sim -- zfm --pty <path> [--baud N] [--pace] [--profile zfm20|r503]
//                     [--packet 32|64|128|256] [--finger NAME] [--quality Q] [--fault F] [--seed N]`
// `npm run sim -- gt521 --pty <path> [--baud 9600] [--pace] [--profile f52|f32] [--finger …]`
// Serves a simulated fingerprint module on a socat PTY pair; the driver (or pyfingerprint
// for the ZFM) opens <path>. Type commands on stdin to change the scene while it runs:
//   finger <name> [clean|dry|smudged|partial|none]   lift   fault <fault> [times]   clear
//   unplug   replug   status   quit
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { socatAvailable } from './socat-pair';
import { startGt521PtySim, startPtySim } from './pty-sim';
import type { PtySim } from './pty-sim';
import { SIM_FAULTS } from './fingerprint-sim';
import type { FingerprintSim, SimFault } from './fingerprint-sim';
import { ZfmSimulator } from './zfm-sim';
import type { ZfmProfile } from './zfm-sim';
import type { Gt521Simulator } from './gt521-sim';
import type { Gt521Model } from '../drivers/gt521/constants';
import { FINGER_QUALITIES } from './synthetic-finger';
import { startEsclSim } from './escl-sim';
import { generateSimCertificate } from './escl-sim-tls';
import { startIppSim } from './ipp-sim';
import type { IppSimFault } from './ipp-sim';
import type { FingerQuality } from './synthetic-finger';
import { ESCPOS_USAGE, escposSim } from './escpos-cli';

const USAGE = [
  'usage: npm run sim -- zfm --pty <path> [--baud 57600] [--pace] [--profile zfm20|r503] [--packet 128] [--finger right_thumb] [--quality clean] [--fault no_finger] [--seed 1]',
  '       npm run sim -- gt521 --pty <path> [--baud 9600] [--pace] [--profile f52|f32] [--finger right_thumb] [--quality clean] [--fault no_finger] [--seed 1]',
  '       npm run sim -- escl [--port 0] [--feeder-pages 3] [--profile wide|office] [--https]   (an eSCL/AirScan document scanner on 127.0.0.1)',
  '       npm run sim -- ipp [--port 0]   (an IPP passport printer on 127.0.0.1; stdin: jam, empty, door, offline, clear, jobs, quit)',
  ESCPOS_USAGE,
].join('\n');

/** The IPP printer simulator, for the datapage tool's --print, ipptool or a station's printer URL. */
async function ipp(port: number): Promise<number> {
  const sim = await startIppSim({ port, log: (line) => console.log(`  ${line}`) });
  console.log(`IPP passport printer simulator at ${sim.url}`);
  console.log(`try: npm run datapage -- --sample --print ${sim.url}`);
  const faults: Record<string, IppSimFault> = { jam: 'media-jam', empty: 'media-empty', door: 'door-open', offline: 'offline' };
  const rl = createInterface({ input: process.stdin });
  const stop = async (): Promise<never> => {
    rl.close();
    await sim.close();
    process.exit(0);
  };
  rl.on('line', (line) => {
    const word = line.trim();
    if (word === 'quit') return void stop();
    if (word === 'clear') sim.clear();
    else if (word === 'jobs') for (const j of sim.jobs) console.log(`  job ${j.id} "${j.name}" state ${j.state} ${j.reasons.join(',')} (${j.document.length} bytes)`);
    else if (faults[word]) sim.inject(faults[word]);
    else if (word) console.log('  commands: jam, empty, door, offline, clear, jobs, quit');
    console.log(`  faults: ${[...sim.faults].join(', ') || 'none'}`);
  });
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  return new Promise<number>(() => undefined);
}

/** The eSCL scanner simulator on 127.0.0.1, for the station's --scanner-url or scanimage. */
async function escl(port: number, feederPages: number, profile: string | undefined, secure: boolean): Promise<number> {
  if (profile !== undefined && profile !== 'wide' && profile !== 'office') {
    console.error(`unknown eSCL profile "${profile}" (known: wide, office)`);
    return 2;
  }
  // --https: a certificate of its own, as a network scanner makes at first boot (pin it in Perangkat).
  const tls = secure ? await generateSimCertificate() : undefined;
  const sim = await startEsclSim({ port, feederPages, ...(profile ? { profile } : {}), ...(tls ? { tls } : {}) });
  console.log(`eSCL scanner simulator at ${sim.url} (feeder: ${feederPages} pages, profile: ${profile ?? 'wide'})`);
  if (tls) console.log(`certificate SHA-256: ${tls.sha256}`);
  console.log(`station: npm run station -- --scanner-url ${sim.url}`);
  const stop = async (): Promise<void> => {
    await sim.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  return new Promise<number>(() => undefined);
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      pty: { type: 'string' },
      baud: { type: 'string' },
      pace: { type: 'boolean', default: false },
      profile: { type: 'string' },
      packet: { type: 'string', default: '128' },
      finger: { type: 'string' },
      quality: { type: 'string', default: 'clean' },
      fault: { type: 'string' },
      seed: { type: 'string', default: '1' },
      port: { type: 'string', default: '0' },
      'feeder-pages': { type: 'string', default: '3' },
      'png-dir': { type: 'string' },
      paper: { type: 'string' },
      https: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (positionals[0] === 'escl' && !values.help) return escl(Number(values.port), Number(values['feeder-pages']), values.profile, values.https);
  if (positionals[0] === 'ipp' && !values.help) return ipp(Number(values.port));
  if (positionals[0] === 'escpos' && !values.help) return escposSim(values);
  const family = positionals[0];
  if (values.help || (family !== 'zfm' && family !== 'gt521') || !values.pty) {
    console.error(family && family !== 'zfm' && family !== 'gt521' ? `unknown simulator "${family}" (known: zfm, gt521, escl, ipp, escpos)\n${USAGE}` : USAGE);
    return values.help ? 0 : 2;
  }
  if (!socatAvailable()) {
    console.error('socat is not installed: install it (Debian: apt-get install socat) to make a PTY pair.');
    return 1;
  }
  const quality = values.quality as FingerQuality;
  if (!FINGER_QUALITIES.includes(quality)) return usageError(`unknown quality "${values.quality}" (${FINGER_QUALITIES.join(', ')})`);
  if (values.fault && !SIM_FAULTS.includes(values.fault as SimFault)) return usageError(`unknown fault "${values.fault}" (${SIM_FAULTS.join(', ')})`);
  let host: PtySim<ZfmSimulator> | PtySim<Gt521Simulator>;
  let title: string;
  if (family === 'gt521') {
    const profile = values.profile ?? 'f52';
    if (profile !== 'f52' && profile !== 'f32') return usageError(`unknown profile "${profile}" (f52, f32)`);
    const g = await startGt521PtySim(values.pty, { model: profile as Gt521Model, baud: Number(values.baud ?? 9600), pace: values.pace, seed: Number(values.seed) });
    host = g;
    title = `GT-521 simulator (${profile})`;
  } else {
    const profile = values.profile ?? 'zfm20';
    if (!['zfm20', 'r503'].includes(profile)) return usageError(`unknown profile "${profile}" (zfm20, r503)`);
    const packet = Number(values.packet);
    if (![32, 64, 128, 256].includes(packet)) return usageError('--packet must be 32, 64, 128 or 256');
    const z = await startPtySim(values.pty, {
      profile: profile as ZfmProfile,
      baud: Number(values.baud ?? 57_600),
      pace: values.pace,
      packetBytes: packet as 32 | 64 | 128 | 256,
      seed: Number(values.seed),
    });
    host = z;
    title = `ZFM simulator (${profile})`;
  }
  const sim: FingerprintSim & { baudRate: number; templateCount: number } = host.sim;
  if (values.finger) sim.placeFinger(values.finger, quality);
  if (values.fault) sim.inject(values.fault as SimFault, { times: Infinity });
  console.log(`${title} on ${host.path} — ${sim.baudRate} baud${values.pace ? ', paced' : ''}, finger: ${sim.fingerOnSensor ?? 'none'}`);
  console.log('commands: finger <name> [quality] | lift | fault <fault> [times] | clear | unplug | replug | status | quit');
  const onCommand = (name: string): void => console.log(`<- ${name}`);
  if (host.sim instanceof ZfmSimulator) host.sim.on('command', onCommand);
  else host.sim.on('command', onCommand);

  const stop = async (): Promise<void> => {
    await host.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  const rl = createInterface({ input: process.stdin });
  rl.on('line', (line) => {
    const [cmd, a, b] = line.trim().split(/\s+/);
    switch (cmd) {
      case 'finger':
        sim.placeFinger(a ?? 'right_thumb', FINGER_QUALITIES.includes(b as FingerQuality) ? (b as FingerQuality) : 'clean');
        return console.log(`finger ${sim.fingerOnSensor} on the sensor`);
      case 'lift':
        sim.liftFinger();
        return console.log('sensor empty');
      case 'fault':
        if (!SIM_FAULTS.includes(a as SimFault)) return console.log(`faults: ${SIM_FAULTS.join(', ')}`);
        sim.inject(a as SimFault, { times: b ? Number(b) : 1 });
        return console.log(`fault ${a} armed`);
      case 'clear':
        sim.clearFaults();
        return console.log('faults cleared');
      case 'unplug':
        return void host.unplug().then(() => console.log('unplugged'));
      case 'replug':
        return void host.replug().then(() => console.log('plugged in'));
      case 'status':
        return console.log(`baud ${sim.baudRate}, finger ${sim.fingerOnSensor ?? 'none'}, templates ${sim.templateCount}, socat ${host.pair.running ? 'up' : 'down'}`);
      case 'quit':
        return void stop();
      case '':
      case undefined:
        return;
      default:
        console.log(`unknown command "${cmd}"`);
    }
  });
  return new Promise<number>(() => undefined); // runs until quit or a signal
}

function usageError(msg: string): number {
  console.error(`${msg}\n${USAGE}`);
  return 2;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`simulator failed: ${(err as Error).message}`);
    process.exit(1);
  },
);
