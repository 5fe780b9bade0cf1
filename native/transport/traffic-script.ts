// The text format for recorded device traffic, shared by protocol fixtures and the HID
// replay transport. One step a line:
//   => ef01ffffffff...   bytes the host writes (spaces allowed inside the hex)
//   <= ef01ffffffff...   bytes the device sends
//   -- wait 50           a pause of 50 ms before the next device bytes
//   -- close             the device goes away (unplug)
//   # comment            ignored, as are blank lines

export type TrafficStep =
  | { dir: 'host'; bytes: Buffer; line: number }
  | { dir: 'device'; bytes: Buffer; line: number }
  | { dir: 'wait'; ms: number; line: number }
  | { dir: 'close'; line: number };

export function parseTrafficScript(text: string): TrafficStep[] {
  const steps: TrafficStep[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    const s = raw.trim();
    if (s === '' || s.startsWith('#')) return;
    const m = /^(=>|<=)\s*([0-9a-fA-F\s]*)$/.exec(s);
    if (m) {
      const hex = m[2]!.replace(/\s+/g, '');
      if (hex.length % 2 !== 0) throw new Error(`line ${line}: odd number of hex digits`);
      steps.push({ dir: m[1] === '=>' ? 'host' : 'device', bytes: Buffer.from(hex, 'hex'), line });
      return;
    }
    const wait = /^--\s*wait\s+(\d+)$/.exec(s);
    if (wait) return void steps.push({ dir: 'wait', ms: Number(wait[1]), line });
    if (/^--\s*close$/.test(s)) return void steps.push({ dir: 'close', line });
    throw new Error(`line ${line}: cannot read "${s}"`);
  });
  return steps;
}

export function formatTrafficStep(dir: 'host' | 'device', bytes: Uint8Array): string {
  return `${dir === 'host' ? '=>' : '<='} ${Buffer.from(bytes).toString('hex')}`;
}
