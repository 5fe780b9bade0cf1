// Import fidelity figures: the preview of a 5,000-row day file sent as bytes (the way the
// import screen sends it), once as UTF-8 and once as Windows-1252 (decoded with the C1 fix),
// every phone normalised to +62… by libphonenumber-js. Through real station sessions.
import { performance } from 'node:perf_hooks';
import { openTestStation, ADMIN } from '../helpers/station';
import { toCsv, validRecords } from '../helpers/appointment-files';
import { loadPhoneRules, normalisePhone } from '../../electron/services/appointment-phone';
import { median, round } from './stats';

const DAY = '2026-11-23';

export default async function importFidelity() {
  // Every third name with an É, every fourth phone without its leading 0 (as a spreadsheet leaves it).
  const records: Record<string, string>[] = validRecords(DAY, 5000, 5).map((r, i) => ({
    ...r, full_name: i % 3 ? r.full_name ?? '' : `${r.full_name ?? ''} DÉDÉ`, phone: i % 4 ? r.phone ?? '' : (r.phone ?? '').slice(1),
  }));
  const csv = toCsv(records, { bom: false });
  const utf8 = Buffer.from(csv, 'utf8').toString('base64');
  const cp1252 = Buffer.from(csv, 'latin1').toString('base64'); // É is C9 in both Latin-1 and Windows-1252
  const times: Record<'utf8' | 'cp1252', number[]> = { utf8: [], cp1252: [] };
  for (let run = 0; run < 5; run++) {
    const t = await openTestStation();
    const s = t.session();
    await s.ok('setup.createFirstAdmin', ADMIN);
    for (const [kind, b64] of [['utf8', utf8], ['cp1252', cp1252]] as const) {
      const t0 = performance.now();
      await s.ok('import.preview', { fileName: `${kind}-${run}.csv`, contentBase64: b64 });
      times[kind].push(performance.now() - t0);
    }
    await t.close();
  }
  const phones = records.map((r) => r.phone ?? '');
  const phoneRuns: number[] = [];
  await loadPhoneRules();
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now();
    for (const p of phones) normalisePhone(p);
    phoneRuns.push(performance.now() - t0);
  }
  return {
    rows: 5000, runs: 5,
    preview_utf8_bytes_ms_median: round(median(times.utf8), 1),
    preview_windows1252_bytes_ms_median: round(median(times.cp1252), 1),
    phone_normalise_5000_ms_median: round(median(phoneRuns), 1),
    note: 'no goal set for the preview (the 150 ms goal of foundation.import_ms is the commit after it); phone normalisation is part of the preview',
  };
}
