// MRZ parse + validate per read, and eSCL scan-job overhead beyond the image transfer.
// Figures are medians: MRZ over 41 batches of 500 reads (per-read µs within a batch);
// eSCL over 15 jobs against the in-process simulator after one warm-up job (the
// simulator caches its encoded page, so what is left is protocol: POST ScanJobs,
// NextDocument headers, the 404, ScannerStatus, DELETE).
// Goals: MRZ < 200 µs per read (a reader sends one document a second at most);
// eSCL overhead < 50 ms per job (the officer waits for the scanner, not for us).
import { performance } from 'node:perf_hooks';
import { parseMrz } from '../../domain/mrz/parse-mrz';
import { composeTd3 } from '../../domain/mrz/compose-td3';
import { EsclClient } from '../../native/drivers/escl/escl-client';
import { startEsclSim } from '../../native/sim/escl-sim';
import { MRZ_SPECIMENS } from '../../native/sim/mrz-sim';
import { median, percentile, round } from './stats';

function mrzPerReadUs(lines: readonly string[], batches = 41, perBatch = 500): { medianUs: number; p90Us: number } {
  const samples: number[] = [];
  for (let b = 0; b < batches; b++) {
    const t0 = performance.now();
    for (let i = 0; i < perBatch; i++) {
      const r = parseMrz(lines);
      if (!r.ok || !r.read.valid) throw new Error('specimen did not validate');
    }
    samples.push(((performance.now() - t0) * 1000) / perBatch);
  }
  return { medianUs: round(median(samples), 2), p90Us: round(percentile(samples, 90), 2) };
}

function composePerCallUs(batches = 21, perBatch = 500): number {
  const samples: number[] = [];
  const input = { documentNumber: 'X1234567', primaryIdentifier: 'Siregar', secondaryIdentifier: 'Budi Santoso', birthDate: '1990-03-15', sex: 'M', expiryDate: '2036-03-14' } as const;
  for (let b = 0; b < batches; b++) {
    const t0 = performance.now();
    for (let i = 0; i < perBatch; i++) if (!composeTd3(input).ok) throw new Error('compose failed');
    samples.push(((performance.now() - t0) * 1000) / perBatch);
  }
  return round(median(samples), 2);
}

async function esclOverhead(region: { x: number; y: number; width: number; height: number }, resolution: number, jobs = 15) {
  const sim = await startEsclSim({ feederPages: 0 });
  try {
    const client = new EsclClient({ baseUrl: sim.url });
    const once = async () => {
      const t0 = performance.now();
      const r = await client.scan({ source: 'Platen', resolution, region, format: 'image/jpeg' });
      const total = performance.now() - t0;
      if (!r.ok) throw new Error(r.error.key);
      return { total, transfer: r.value.transferMs, bytes: r.value.pages[0]!.bytes.length };
    };
    await once(); // warm-up: capabilities, connection, page encoding in the simulator
    const runs = [];
    for (let i = 0; i < jobs; i++) runs.push(await once());
    return {
      jobs,
      imageBytes: runs[0]!.bytes,
      jobMedianMs: round(median(runs.map((r) => r.total)), 2),
      transferMedianMs: round(median(runs.map((r) => r.transfer)), 2),
      overheadMedianMs: round(median(runs.map((r) => r.total - r.transfer)), 2),
      overheadP90Ms: round(percentile(runs.map((r) => r.total - r.transfer), 90), 2),
    };
  } finally {
    await sim.close();
  }
}

export default async function (): Promise<object> {
  return {
    mrzParseValidate: {
      td3: mrzPerReadUs(MRZ_SPECIMENS.TD3),
      td1: mrzPerReadUs(MRZ_SPECIMENS.TD1),
      goalUs: 200,
    },
    mrzComposeTd3Us: composePerCallUs(),
    esclJobOverhead: {
      smallRegion1inch150dpi: await esclOverhead({ x: 0, y: 0, width: 300, height: 300 }, 150),
      a4At150dpi: await esclOverhead({ x: 0, y: 0, width: 2480, height: 3508 }, 150, 7),
      goalMs: 50,
    },
  };
}
