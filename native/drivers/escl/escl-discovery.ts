// Finding eSCL scanners on the local network: they announce themselves by multicast DNS
// (RFC 6762) as DNS-SD services (RFC 6763) `_uscan._tcp` (http) and `_uscans._tcp` (https).
// A PTR record names each instance; its SRV gives host and port, its TXT the eSCL root
// (`rs`), the formats (`pdl`), the sources (`is`), the model (`ty`) and the `UUID`; A/AAAA
// records give the host's address. The parser is pure (decoded packets in, scanners out),
// so recorded answers can be fed to it; browseEscl() asks on the network and listens.
import { decode } from 'dns-packet';
import type { Answer, Packet } from 'dns-packet';
import makeMdns from 'multicast-dns';

export const USCAN = '_uscan._tcp.local';
export const USCANS = '_uscans._tcp.local';

/** One eSCL scanner announced by mDNS; the technician's screen shows it as it is. */
export interface DiscoveredScanner {
  /** The service instance name, e.g. "HP LaserJet MFP M140w (8A1B2C)". */
  name: string;
  /** http(s)://host:port/<rs>/ built from SRV, A/AAAA and TXT `rs`. */
  url: string;
  secure: boolean;
  host: string;
  port: number;
  uuid?: string;
  model?: string;
  /** TXT `pdl`: the document formats it sends. */
  formats: string[];
  /** TXT `is`: platen, adf, … */
  sources: string[];
}

const lower = (s: string): string => s.toLowerCase().replace(/\.$/, '');

/** TXT strings `key=value` (RFC 6763 §6.3: keys case-insensitive; the first of a key counts). */
export function txtPairs(data: unknown): Map<string, string> {
  const parts = Array.isArray(data) ? data : [data];
  const out = new Map<string, string>();
  for (const p of parts) {
    const s = Buffer.isBuffer(p) ? p.toString('utf8') : typeof p === 'string' ? p : '';
    if (!s) continue;
    const eq = s.indexOf('=');
    const key = (eq < 0 ? s : s.slice(0, eq)).toLowerCase();
    if (!out.has(key)) out.set(key, eq < 0 ? '' : s.slice(eq + 1));
  }
  return out;
}

/** The instance label of a service instance name: "Office MFP._uscan._tcp.local" → "Office MFP". */
function instanceLabel(fqdn: string, service: string): string {
  const name = fqdn.replace(/\.$/, '');
  return name.toLowerCase().endsWith(`.${service}`) ? name.slice(0, name.length - service.length - 1) : name;
}

/** Every eSCL scanner the records of these packets describe completely enough to be used. */
export function scannersFromPackets(packets: readonly Packet[]): DiscoveredScanner[] {
  const records: Answer[] = packets.flatMap((p) => [...(p.answers ?? []), ...(p.additionals ?? []), ...(p.authorities ?? [])]);
  const of = (type: string, name: string): Answer[] => records.filter((r) => r.type === type && lower(r.name) === lower(name));
  const dataOf = (type: string, name: string): unknown => {
    const r = of(type, name)[0];
    return r && 'data' in r ? r.data : undefined;
  };
  const found = new Map<string, DiscoveredScanner>();
  for (const ptr of records) {
    if (ptr.type !== 'PTR') continue;
    const service = lower(ptr.name);
    if (service !== USCAN && service !== USCANS) continue;
    const instance = String(ptr.data);
    const srv = of('SRV', instance)[0];
    if (!srv || srv.type !== 'SRV') continue;
    const target = lower(srv.data.target);
    const txt = txtPairs(dataOf('TXT', instance));
    const v4 = dataOf('A', target);
    const v6 = dataOf('AAAA', target);
    const secure = service === USCANS;
    const hostPart = typeof v4 === 'string' ? v4 : typeof v6 === 'string' ? `[${v6}]` : target;
    const rs = (txt.get('rs') ?? 'eSCL').replace(/^\/+|\/+$/g, '');
    const scanner: DiscoveredScanner = {
      name: instanceLabel(instance, service),
      url: `${secure ? 'https' : 'http'}://${hostPart}:${srv.data.port}/${rs ? `${rs}/` : ''}`,
      secure,
      host: target,
      port: srv.data.port,
      formats: (txt.get('pdl') ?? '').split(',').map((x) => x.trim()).filter(Boolean),
      sources: (txt.get('is') ?? '').split(',').map((x) => x.trim()).filter(Boolean),
    };
    const uuid = txt.get('uuid');
    const model = txt.get('ty');
    if (uuid) scanner.uuid = uuid;
    if (model) scanner.model = model;
    // One entry per scanner and scheme: a device that answers twice is listed once.
    found.set(`${scanner.uuid ?? scanner.name}|${secure}`, scanner);
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name) || Number(b.secure) - Number(a.secure));
}

/** Decodes raw mDNS messages (as they arrive on UDP 5353); a message that is not DNS is skipped. */
export function scannersFromMessages(messages: readonly Buffer[]): DiscoveredScanner[] {
  const packets: Packet[] = [];
  for (const m of messages) {
    try {
      packets.push(decode(m));
    } catch {
      // Not a DNS message: something else on the port.
    }
  }
  return scannersFromPackets(packets);
}

export interface BrowseOptions {
  /** How long to listen for answers. */
  ms: number;
  /** Multicast interface address to ask on (default: the system's choice). */
  interface?: string;
}

/**
 * Asks the local network for eSCL scanners and lists those that answered within `ms`.
 * Resolves with what was heard (possibly nothing); rejects only when the socket cannot be
 * opened (no multicast on this machine), with the reason.
 */
export function browseEscl(opts: BrowseOptions): Promise<DiscoveredScanner[]> {
  return new Promise((resolve, reject) => {
    // With an interface, still bind to every address: bound to the interface's own address
    // the socket would never see packets sent to the multicast group.
    const mdns = makeMdns({ ...(opts.interface ? { interface: opts.interface, bind: '0.0.0.0' } : {}) });
    const heard: Packet[] = [];
    let timer: NodeJS.Timeout | undefined;
    const done = (err?: Error): void => {
      clearTimeout(timer);
      mdns.removeAllListeners();
      mdns.on('error', () => undefined);
      mdns.destroy();
      if (err) reject(err);
      else resolve(scannersFromPackets(heard));
    };
    mdns.on('response', (packet: Packet) => heard.push(packet));
    mdns.once('error', (err: Error) => done(err));
    mdns.once('ready', () => {
      mdns.query({ questions: [{ name: USCAN, type: 'PTR' }, { name: USCANS, type: 'PTR' }] });
      timer = setTimeout(() => done(), opts.ms);
    });
  });
}
