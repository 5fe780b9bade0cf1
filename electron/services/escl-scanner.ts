// The enrolment's document scanner over eSCL (AirScan): reads what the scanner can do,
// chooses the settings from that (escl-choose.ts) and runs the job, and maps the client's
// Result errors onto the sentence keys the screen shows. The device service hears when a
// job starts and ends, so the scanner's slot shows busy at once.
import { EsclClient } from '../../native/drivers/escl/escl-client';
import type { EsclClientOptions } from '../../native/drivers/escl/escl-client';
import { chooseScanSettings } from '../../native/drivers/escl/escl-choose';
import { ESCL_KEYS } from '../../native/drivers/escl/escl-keys';
import type { EsclColorMode } from '../../native/drivers/escl/escl-xml';
import type { DocumentScannerPort, ScanOutcome, ScanUsed } from './document-scanner-port';

export interface EsclScannerHooks {
  /** A job is about to be sent to the scanner / has ended (whatever its outcome). */
  onJob?: (running: boolean) => void;
}

const COLOR_NAME: Record<EsclColorMode, ScanUsed['colorMode']> = { RGB24: 'color', Grayscale8: 'grayscale', BlackAndWhite1: 'black_white' };

export function esclScanner(baseUrl: string, hooks: EsclScannerHooks = {}, clientOpts: Omit<EsclClientOptions, 'baseUrl'> = {}): DocumentScannerPort & { client: EsclClient } {
  const client = new EsclClient({ baseUrl, ...clientOpts });
  return {
    client,
    async scan(req, signal): Promise<ScanOutcome> {
      hooks.onJob?.(true);
      try {
        // Asked afresh each time: the technician may have swapped the scanner behind the address.
        const caps = await client.capabilities(signal);
        if (!caps.ok) return { ok: false, error: { key: caps.error.key, ...(caps.error.params ? { params: caps.error.params } : {}) } };
        const choice = chooseScanSettings(caps.value, { source: req.source === 'feeder' ? 'Feeder' : 'Platen', minResolution: req.minResolution, color: req.colorMode });
        if (!choice.ok) {
          return choice.reason === 'no_source'
            ? { ok: false, error: { key: ESCL_KEYS.sourceUnavailable, params: { source: req.source } } }
            : { ok: false, error: { key: ESCL_KEYS.nothingUsable } };
        }
        const s = choice.settings;
        const r = await client.scan(s, signal ? { signal } : {});
        if (!r.ok) return { ok: false, error: { key: r.error.key, ...(r.error.params ? { params: r.error.params } : {}) } };
        return {
          ok: true,
          used: { source: s.source === 'Feeder' ? 'feeder' : 'platen', resolution: s.resolution, colorMode: COLOR_NAME[s.colorMode] },
          pages: r.value.pages.map((p) => ({ mime: p.contentType.split(';')[0]!.trim(), bytes: p.bytes })),
        };
      } finally {
        hooks.onJob?.(false);
      }
    },
  };
}
