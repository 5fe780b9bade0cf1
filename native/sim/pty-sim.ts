// The simulator served on the device end of a socat PTY pair, with unplug and replug.
// Used by `npm run sim -- zfm --pty <path>`, the integration tests and the benchmark.
import { SerialTransport } from '../transport/serial';
import { socatPair } from './socat-pair';
import type { SocatPair } from './socat-pair';
import { ZfmSimulator } from './zfm-sim';
import type { ZfmSimOptions } from './zfm-sim';

export interface PtySim {
  sim: ZfmSimulator;
  /** The path the driver opens. */
  path: string;
  pair: SocatPair;
  /** Pulls the cable: socat goes, both ends close. */
  unplug(): Promise<void>;
  /** Puts it back: socat again on the same links, the simulator serving its end. */
  replug(): Promise<void>;
  stop(): Promise<void>;
}

export async function startPtySim(path: string, opts: Omit<ZfmSimOptions, 'onUnplug'> = {}): Promise<PtySim> {
  const pair = socatPair(path, `${path}.sim`);
  let end: SerialTransport | undefined;
  let unplugging: Promise<void> | undefined;
  const sim = new ZfmSimulator({
    ...opts,
    onUnplug: () => {
      unplugging = pair.stop();
    },
  });
  const plug = async (): Promise<void> => {
    await pair.start();
    end = new SerialTransport({ path: pair.devicePath, baudRate: sim.baudRate });
    await end.open();
    sim.attach(end);
  };
  await plug();
  return {
    sim,
    path,
    pair,
    async unplug() {
      sim.detach();
      await pair.stop();
    },
    async replug() {
      await unplugging;
      await plug();
    },
    async stop() {
      sim.detach();
      await end?.close().catch(() => undefined);
      await pair.stop();
    },
  };
}
