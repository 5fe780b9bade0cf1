// A simulator served on the device end of a socat PTY pair, with unplug and replug.
// Used by `npm run sim -- zfm|gt521 --pty <path>`, the integration tests and the benchmarks.
import { SerialTransport } from '../transport/serial';
import type { Transport } from '../transport/transport';
import { socatPair } from './socat-pair';
import type { SocatPair } from './socat-pair';
import { ZfmSimulator } from './zfm-sim';
import type { ZfmSimOptions } from './zfm-sim';
import { Gt521Simulator } from './gt521-sim';
import type { Gt521SimOptions } from './gt521-sim';
import { EscPosSimulator } from './escpos-sim';
import type { EscPosSimOptions } from './escpos-sim';

/** What a simulator needs to be served on a PTY. */
export interface PtyServable {
  attach(transport: Transport): void;
  detach(): void;
  readonly baudRate: number;
}

export interface PtySim<S extends PtyServable = ZfmSimulator> {
  sim: S;
  /** The path the driver opens. */
  path: string;
  pair: SocatPair;
  /** Pulls the cable: socat goes, both ends close. */
  unplug(): Promise<void>;
  /** Puts it back: socat again on the same links, the simulator serving its end. */
  replug(): Promise<void>;
  stop(): Promise<void>;
}

/** Serves the simulator `make` builds; it calls `onUnplug` when its 'unplug_mid_image' fault fires. */
export async function startPtyServer<S extends PtyServable>(path: string, make: (onUnplug: () => void) => S, beforePlug?: (sim: S) => void): Promise<PtySim<S>> {
  const pair = socatPair(path, `${path}.sim`);
  let end: SerialTransport | undefined;
  let unplugging: Promise<void> | undefined;
  const sim = make(() => {
    unplugging = pair.stop();
  });
  const plug = async (): Promise<void> => {
    await pair.start();
    beforePlug?.(sim);
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

export function startPtySim(path: string, opts: Omit<ZfmSimOptions, 'onUnplug'> = {}): Promise<PtySim<ZfmSimulator>> {
  return startPtyServer(path, (onUnplug) => new ZfmSimulator({ ...opts, onUnplug }));
}

/** A GT-521 on a PTY; a replug is a power-on (back to its boot speed). */
export function startGt521PtySim(path: string, opts: Omit<Gt521SimOptions, 'onUnplug'> = {}): Promise<PtySim<Gt521Simulator>> {
  let first = true;
  return startPtyServer(path, (onUnplug) => new Gt521Simulator({ ...opts, onUnplug }), (sim) => {
    if (!first) sim.powerOn(opts.baud);
    first = false;
  });
}

/** An ESC/POS receipt printer on a PTY; each cut receipt becomes a PNG (in `pngDir` if given). */
export function startEscPosPtySim(path: string, opts: EscPosSimOptions = {}): Promise<PtySim<EscPosSimulator>> {
  return startPtyServer(path, () => new EscPosSimulator(opts));
}
