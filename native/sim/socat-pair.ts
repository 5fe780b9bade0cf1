// A PTY pair made by socat: `socat -d -d pty,raw,echo=0,link=A pty,raw,echo=0,link=B`.
// The driver opens A through real serialport, the simulator serves B. Killing socat is an
// unplug (both ends see 'close'); starting it again on the same links is a replug.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

export function socatAvailable(): boolean {
  try {
    return spawnSync('socat', ['-V'], { stdio: 'ignore' }).status === 0;
  } catch {
    return false;
  }
}

export interface SocatPair {
  readonly hostPath: string;
  readonly devicePath: string;
  readonly running: boolean;
  /** Starts socat (again); resolves once both links exist. */
  start(): Promise<void>;
  /** Kills socat and waits until it has gone and removed its links. */
  stop(): Promise<void>;
}

export function socatPair(hostPath: string, devicePath: string): SocatPair {
  let child: ChildProcess | undefined;
  let stderr = '';
  return {
    hostPath,
    devicePath,
    get running() {
      return child !== undefined && child.exitCode === null;
    },
    async start() {
      if (child && child.exitCode === null) return;
      stderr = '';
      const proc = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${hostPath}`, `pty,raw,echo=0,link=${devicePath}`], { stdio: ['ignore', 'ignore', 'pipe'] });
      proc.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
      child = proc;
      const deadline = Date.now() + 5000;
      while (!(existsSync(hostPath) && existsSync(devicePath) && /starting data transfer loop/.test(stderr))) {
        if (proc.exitCode !== null) throw new Error(`socat exited: ${stderr.trim()}`);
        if (Date.now() > deadline) throw new Error(`socat did not make ${hostPath} in time: ${stderr.trim()}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async stop() {
      const proc = child;
      child = undefined;
      if (!proc || proc.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
      proc.kill('SIGTERM');
      await exited;
    },
  };
}
