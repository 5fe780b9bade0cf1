// The enrolment's document scanner over eSCL (AirScan): maps what the officer chose onto a
// scan job, and the client's Result errors onto the sentence keys the screen shows.
import { EsclClient } from '../../native/drivers/escl/escl-client';
import type { DocumentScannerPort, ScanOutcome } from './enrolment';

export function esclScanner(baseUrl: string): DocumentScannerPort & { client: EsclClient } {
  const client = new EsclClient({ baseUrl });
  return {
    client,
    async scan(req): Promise<ScanOutcome> {
      const r = await client.scan({
        source: req.source === 'feeder' ? 'Feeder' : 'Platen',
        colorMode: req.colorMode === 'grayscale' ? 'Grayscale8' : 'RGB24',
        resolution: req.resolution,
        format: 'image/jpeg',
      });
      if (!r.ok) return { ok: false, error: { key: r.error.key, ...(r.error.params ? { params: r.error.params } : {}) } };
      return { ok: true, pages: r.value.pages.map((p) => ({ mime: p.contentType.split(';')[0]!.trim(), bytes: p.bytes })) };
    },
  };
}
