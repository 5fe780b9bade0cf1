// Debian's ippeveprinter (cups-ipp-utils): an IPP Everywhere printer that keeps the jobs it
// receives (-k -d DIR), declared here with the 125 × 88 mm passport medium. It insists on
// registering itself with DNS-SD (Avahi over D-Bus) and exits without it, so where no Avahi
// runs we start a private one: a D-Bus daemon on a socket in a temporary directory and
// avahi-daemon in its own mount namespace (its pid file lives at a fixed path under /run),
// bound to the loopback interface so nothing is announced on the network. `-c /bin/true`
// is its print command: without one it pretends to print each job for 5–15 seconds.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { IppClient } from '../../native/drivers/ipp/ipp-client';

const which = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const EVE = ['/usr/sbin/ippeveprinter', '/usr/bin/ippeveprinter'].find((p) => existsSync(p));

/** Why ippeveprinter cannot run here, or null when it can. */
export function ippeveprinterMissing(): string | null {
  if (!EVE) return 'ippeveprinter is not installed (apt-get install cups-ipp-utils)';
  if (systemAvahi()) return null;
  const missing = ['dbus-daemon', 'avahi-daemon', 'unshare'].filter((c) => !which(c));
  if (missing.length) return `ippeveprinter needs DNS-SD and ${missing.join(', ')} is missing (apt-get install dbus avahi-daemon util-linux)`;
  return null;
}

function systemAvahi(): boolean {
  return existsSync('/run/dbus/system_bus_socket') && spawnSync('avahi-daemon', ['--check']).status === 0;
}

export interface EvePrinter {
  url: string;
  spoolDir: string;
  /** The PDFs kept so far, by file name ("<job-id>-<job-name>.pdf"), in job order. */
  documents(): { file: string; bytes: Buffer }[];
  stop(): Promise<void>;
}

const AVAHI_CONF = `[server]
use-ipv4=yes
use-ipv6=no
allow-interfaces=lo
enable-dbus=yes
[wide-area]
enable-wide-area=no
[publish]
publish-hinfo=no
publish-workstation=no
`;

// Declares the passport medium; with -a, document formats are declared here too.
const PRINTER_CONF = `ATTR mimeMediaType document-format-supported application/pdf
ATTR mimeMediaType document-format-default application/pdf
ATTR keyword media-supported om_passport_88x125mm
ATTR keyword media-default om_passport_88x125mm
ATTR keyword media-ready om_passport_88x125mm
`;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitFor(check: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => { child.kill('SIGKILL'); resolve(); }, 2000).unref();
  });
}

export async function startIppEvePrinter(): Promise<EvePrinter> {
  const reason = ippeveprinterMissing();
  if (reason) throw new Error(reason);
  const dir = mkdtempSync(path.join(tmpdir(), 'loket-eve-'));
  const spoolDir = path.join(dir, 'spool');
  mkdirSync(spoolDir);
  const env: NodeJS.ProcessEnv = { ...process.env };
  const children: ChildProcess[] = [];
  const logs: string[] = [];
  const capture = (c: ChildProcess, name: string) => {
    c.stdout?.on('data', (d: Buffer) => logs.push(`[${name}] ${d}`));
    c.stderr?.on('data', (d: Buffer) => logs.push(`[${name}] ${d}`));
  };
  try {
    if (!systemAvahi()) {
      const socket = path.join(dir, 'bus');
      const bus = spawn('dbus-daemon', ['--session', '--nofork', `--address=unix:path=${socket}`], { stdio: ['ignore', 'pipe', 'pipe'] });
      children.push(bus);
      capture(bus, 'dbus');
      await waitFor(() => existsSync(socket), 5000, 'the private D-Bus');
      env.DBUS_SYSTEM_BUS_ADDRESS = `unix:path=${socket}`;
      writeFileSync(path.join(dir, 'avahi.conf'), AVAHI_CONF);
      // A private /run for avahi's pid file; as non-root, a user namespace makes us root in it.
      const asRoot = process.getuid?.() === 0;
      const avahi = spawn('unshare', [...(asRoot ? ['-m'] : ['-r', '-m']), 'sh', '-c',
        `mount -t tmpfs none /run && mkdir -p /run/avahi-daemon && exec avahi-daemon --no-drop-root --no-chroot --no-rlimits --no-proc-title -f '${path.join(dir, 'avahi.conf')}'`],
      { env, stdio: ['ignore', 'pipe', 'pipe'] });
      children.push(avahi);
      let ready = false;
      avahi.stderr?.on('data', (d: Buffer) => { if (/Server startup complete/.test(String(d))) ready = true; });
      capture(avahi, 'avahi');
      await waitFor(() => ready || avahi.exitCode !== null, 8000, 'avahi-daemon');
      if (!ready) throw new Error('avahi-daemon did not start');
    }
    const port = await freePort();
    writeFileSync(path.join(dir, 'printer.conf'), PRINTER_CONF);
    const eve = spawn(EVE!, ['-k', '-d', spoolDir, '-p', String(port), '-n', 'localhost', '-c', '/bin/true', '-a', path.join(dir, 'printer.conf'), 'LoketTest'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(eve);
    capture(eve, 'ippeveprinter');
    const url = `ipp://127.0.0.1:${port}/ipp/print`;
    const client = new IppClient({ url, timeoutMs: 1000 });
    await waitFor(async () => {
      if (eve.exitCode !== null) throw new Error(`ippeveprinter exited: ${logs.join('')}`);
      return (await client.getPrinterAttributes()).ok;
    }, 15_000, 'ippeveprinter');
    return {
      url,
      spoolDir,
      documents: () => (existsSync(spoolDir) ? readdirSync(spoolDir).filter((f) => f.endsWith('.pdf')).sort((a, b) => parseInt(a) - parseInt(b)).map((file) => ({ file, bytes: readFileSync(path.join(spoolDir, file)) })) : []),
      async stop() {
        for (const c of children.reverse()) await stopChild(c);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    for (const c of children.reverse()) await stopChild(c);
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`${(err as Error).message}\n${logs.join('')}`);
  }
}
