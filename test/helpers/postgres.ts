// A real PostgreSQL 15 for the office tests, started by the test itself: a fresh cluster
// (initdb) in a temporary directory, listening on 127.0.0.1 on a free port, stopped and
// removed afterwards. PostgreSQL refuses to run as root, so when the tests run as root the
// cluster belongs to an unprivileged user (the `postgres` system user Debian's package
// creates, else `nobody`) and its processes run as that user.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface TestPostgres {
  /** postgres://… for the office service. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

const WHY_MISSING = 'PostgreSQL 15 is not installed (the office tests start their own server): apt-get install -y postgresql-15';

function binDir(): string {
  for (const dir of ['/usr/lib/postgresql/15/bin']) if (existsSync(path.join(dir, 'initdb'))) return dir;
  const r = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (r.status === 0 && existsSync(path.join(r.stdout.trim(), 'initdb'))) return r.stdout.trim();
  throw new Error(WHY_MISSING);
}

/** The uid/gid to run PostgreSQL as: ourselves, unless we are root. */
function runAs(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  for (const name of ['postgres', 'nobody']) {
    const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
    if (uid.status === 0 && gid.status === 0) return { uid: Number(uid.stdout), gid: Number(gid.stdout) };
  }
  throw new Error('The tests run as root and neither a "postgres" nor a "nobody" user exists to own the test database.');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function waitUntilAccepting(url: string, server: ChildProcess, log: () => string, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`PostgreSQL stopped while starting (exit ${server.exitCode}):\n${log()}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (err) {
      await client.end().catch(() => undefined);
      if (Date.now() > until) throw new Error(`PostgreSQL did not accept connections within ${timeoutMs} ms (${(err as Error).message}):\n${log()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Starts a throw-away PostgreSQL; `stop()` ends it and deletes its files. */
export async function startPostgres(): Promise<TestPostgres> {
  const bin = binDir();
  const owner = runAs();
  const root = mkdtempSync(path.join(os.tmpdir(), 'loket-pg-'));
  const data = path.join(root, 'data');
  if (owner) chownSync(root, owner.uid, owner.gid);
  chmodSync(root, 0o700);
  const as = owner ? { uid: owner.uid, gid: owner.gid } : {};
  const env = { ...process.env, LC_ALL: 'C', TZ: 'UTC' };
  const init = spawnSync(path.join(bin, 'initdb'), ['-D', data, '-U', 'loket', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'], { ...as, env, encoding: 'utf8', cwd: root });
  if (init.status !== 0) throw new Error(`initdb failed (exit ${init.status}): ${init.stderr || init.stdout}`);
  const port = await freePort();
  // fsync off: a test database need not survive a power cut, and it saves the shared disk.
  const server = spawn(path.join(bin, 'postgres'), [
    '-D', data, '-p', String(port), '-k', root, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off',
    '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200',
  ], { ...as, env, cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (b: Buffer) => { output = (output + b.toString()).slice(-4000); };
  server.stdout?.on('data', keep);
  server.stderr?.on('data', keep);
  const url = `postgres://loket@127.0.0.1:${port}/postgres`;
  try {
    await waitUntilAccepting(url, server, () => output);
  } catch (err) {
    server.kill('SIGKILL');
    rmSync(root, { recursive: true, force: true });
    throw err;
  }
  return {
    url, port,
    async stop() {
      if (server.exitCode === null) {
        const exited = new Promise((r) => server.once('exit', r));
        // SIGINT: PostgreSQL's "fast" shutdown.
        server.kill('SIGINT');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (server.exitCode === null) server.kill('SIGKILL');
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** A fresh database in the server, so tests sharing one server never see each other's rows. */
export async function createDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}
