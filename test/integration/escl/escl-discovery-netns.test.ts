// Discovery over real multicast: the loopback here carries none, so a network namespace is
// joined to this one by a veth pair; inside it a responder answers as an eSCL scanner does,
// and browseEscl() asks on our end of the pair. Needs root and `ip netns`: skipped with the
// reason when the machine does not allow it (the recorded-answer tests still run).
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browseEscl } from '../../../native/drivers/escl/escl-discovery';

const tag = String(process.pid % 100_000);
const NS = `loket-escl-${tag}`;
const HOST_IF = `lke${tag}h`;
const NS_IF = `lke${tag}n`;
const octet = 16 + (process.pid % 200);
const HOST_IP = `10.231.${octet}.1`;
const NS_IP = `10.231.${octet}.2`;

const ip = (...args: string[]) => spawnSync('ip', args, { encoding: 'utf8' });
const probe = ip('netns', 'add', NS);
const reason = probe.error ? '`ip` is not installed' : probe.status !== 0 ? `ip netns add refused: ${probe.stderr.trim()}` : '';
if (reason) console.warn(`mDNS discovery in a network namespace skipped: ${reason}`);

let responder: ChildProcess | undefined;
beforeAll(async () => {
  if (reason) return;
  const steps = [
    ['link', 'add', HOST_IF, 'type', 'veth', 'peer', 'name', NS_IF],
    ['link', 'set', NS_IF, 'netns', NS],
    ['addr', 'add', `${HOST_IP}/30`, 'dev', HOST_IF],
    ['link', 'set', HOST_IF, 'up', 'multicast', 'on'],
    ['netns', 'exec', NS, 'ip', 'addr', 'add', `${NS_IP}/30`, 'dev', NS_IF],
    ['netns', 'exec', NS, 'ip', 'link', 'set', NS_IF, 'up', 'multicast', 'on'],
    ['netns', 'exec', NS, 'ip', 'link', 'set', 'lo', 'up'],
  ];
  for (const s of steps) {
    const r = ip(...s);
    if (r.status !== 0) throw new Error(`ip ${s.join(' ')}: ${r.stderr}`);
  }
  responder = spawn('ip', ['netns', 'exec', NS, process.execPath, path.resolve('test/integration/escl/mdns-responder.mjs'), NS_IP], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('responder did not start')), 10_000);
    responder!.stdout!.on('data', (d: Buffer) => { if (d.toString().includes('READY')) { clearTimeout(timer); resolve(); } });
  });
});
afterAll(() => {
  if (reason) return;
  responder?.kill('SIGTERM');
  ip('link', 'del', HOST_IF);
  ip('netns', 'del', NS);
});

describe.skipIf(Boolean(reason))('eSCL discovery over multicast DNS between two network namespaces', () => {
  it('finds the scanner the namespace announces, with its URL from SRV, A and TXT rs', async () => {
    const found = await browseEscl({ ms: 2500, interface: HOST_IP });
    expect(found).toEqual([expect.objectContaining({
      name: 'Namespace MFP', url: `http://${NS_IP}:8080/eSCL/`, secure: false, uuid: '0e0e0e0e-1111-2222-3333-444444444444', model: 'Namespace MFP', formats: ['image/jpeg'],
    })]);
  });
});
