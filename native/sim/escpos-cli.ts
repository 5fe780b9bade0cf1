// `npm run sim -- escpos --pty <path> --png-dir <dir> [--paper 80|58] [--baud 9600] [--fault F]`:
// an ESC/POS receipt printer on a socat PTY pair; each cut receipt is written to the
// folder as receipt-NNN.png. Type on stdin: paper-out | paper-near-end | cover-open |
// offline | clear | status | quit.
import { createInterface } from 'node:readline';
import { ESCPOS_SIM_FAULTS } from './escpos-sim';
import type { EscPosSimFault, SimReceipt } from './escpos-sim';
import { startEscPosPtySim } from './pty-sim';
import { socatAvailable } from './socat-pair';

export const ESCPOS_USAGE = '       npm run sim -- escpos --pty <path> --png-dir <dir> [--paper 80|58] [--baud 9600] [--fault paper-out|paper-near-end|cover-open|offline]';

export async function escposSim(values: { pty?: string; 'png-dir'?: string; paper?: string; baud?: string; fault?: string }): Promise<number> {
  if (!values.pty || !values['png-dir']) {
    console.error(`escpos needs --pty and --png-dir\n${ESCPOS_USAGE}`);
    return 2;
  }
  const paper = Number(values.paper ?? 80);
  if (paper !== 80 && paper !== 58) {
    console.error(`--paper must be 80 or 58 (mm)\n${ESCPOS_USAGE}`);
    return 2;
  }
  if (values.fault && !ESCPOS_SIM_FAULTS.includes(values.fault as EscPosSimFault)) {
    console.error(`unknown fault "${values.fault}" (${ESCPOS_SIM_FAULTS.join(', ')})`);
    return 2;
  }
  if (!socatAvailable()) {
    console.error('socat is not installed: install it (Debian: apt-get install socat) to make a PTY pair.');
    return 1;
  }
  const host = await startEscPosPtySim(values.pty, { paperMm: paper, pngDir: values['png-dir'], baudRate: Number(values.baud ?? 9600) });
  if (values.fault) host.sim.inject(values.fault as EscPosSimFault);
  console.log(`ESC/POS receipt printer simulator (${paper} mm, ${host.sim.widthDots} dots) on ${host.path}; receipts go to ${values['png-dir']}`);
  console.log(`commands: ${ESCPOS_SIM_FAULTS.join(' | ')} | clear | status | quit`);
  host.sim.on('receipt', (r: SimReceipt) => console.log(`receipt ${r.index}: ${r.file} (${r.widthDots}×${r.heightDots} dots)`));
  const stop = async (): Promise<never> => {
    rl.close();
    await host.stop();
    process.exit(0);
  };
  const rl = createInterface({ input: process.stdin });
  rl.on('line', (line) => {
    const word = line.trim();
    if (word === 'quit') return void stop();
    if (word === 'clear') host.sim.clearFaults();
    else if (ESCPOS_SIM_FAULTS.includes(word as EscPosSimFault)) host.sim.inject(word as EscPosSimFault);
    else if (word && word !== 'status') console.log(`  commands: ${ESCPOS_SIM_FAULTS.join(', ')}, clear, status, quit`);
    console.log(`  faults: ${[...host.sim.faults].join(', ') || 'none'}; receipts: ${host.sim.receipts.length}${host.sim.unknown.length ? `; unknown commands: ${host.sim.unknown.slice(-5).join(' ')}` : ''}`);
  });
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  return new Promise<number>(() => undefined);
}
