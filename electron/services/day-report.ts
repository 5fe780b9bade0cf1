// The day-end report: a small JSON file in <dataDir>/reports/ that records, outside the
// database, the audit chain's head (sequence number and hash) at the end of each day, at
// each close, and whenever an administrator asks. Copied off the station (and, once it
// exists, sent to the office server), it lets `audit:verify` see a chain whose tail was cut
// off or that was replaced as a whole: the chain must still hold each recorded head.
import fs from 'node:fs';
import path from 'node:path';
import type { AuditHead, AuditVerification } from '../store/audit-repo';

export const REPORTS_DIR = 'reports';
const KIND = 'loket.day-end-report';

export type ReportReason = 'day-end' | 'close' | 'on-demand';

export interface DayReport {
  kind: typeof KIND;
  version: 1;
  stationId: string;
  /** The station's local day the report closes. */
  date: string;
  writtenAt: string;
  reason: ReportReason;
  audit: AuditHead & { lastAt: string };
}

export const reportFileName = (date: string) => `day-${date}.json`;

/**
 * Writes (atomically, 0600) the report of one day. A report already on disk with a later
 * head is kept: a chain that went backwards (cut off, or restored from an older copy) must
 * not erase the evidence of the head it had.
 */
export function writeDayReport(dataDir: string, report: Omit<DayReport, 'kind' | 'version'>): { file: string; written: boolean; report: DayReport } {
  const dir = path.join(dataDir, REPORTS_DIR);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, reportFileName(report.date));
  const full: DayReport = { kind: KIND, version: 1, ...report };
  const existing = readReport(file);
  if (existing && existing.stationId === report.stationId && existing.audit.seq > report.audit.seq) {
    return { file, written: false, report: existing };
  }
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(full, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(tmp, file);
  return { file, written: true, report: full };
}

function readReport(file: string): DayReport | null {
  try {
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<DayReport>;
    const a = data.audit;
    if (data.kind !== KIND || typeof data.stationId !== 'string' || !a || !Number.isInteger(a.seq) || typeof a.hash !== 'string') return null;
    return data as DayReport;
  } catch {
    return null;
  }
}

/**
 * The heads recorded for one station in the given report files or directories (a directory
 * is read for *.json). Reports of other stations and files that are not reports are
 * ignored; `files` says how many reports were used.
 */
export function readHeads(paths: readonly string[], stationId: string): { heads: AuditHead[]; files: number; otherStations: number } {
  const heads: AuditHead[] = [];
  let files = 0;
  let otherStations = 0;
  for (const p of paths) {
    if (!fs.existsSync(p)) continue;
    const list = fs.statSync(p).isDirectory()
      ? fs.readdirSync(p).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(p, f))
      : [p];
    for (const file of list) {
      const r = readReport(file);
      if (!r) continue;
      if (r.stationId !== stationId) { otherStations++; continue; }
      files++;
      heads.push({ seq: r.audit.seq, hash: r.audit.hash });
    }
  }
  return { heads, files, otherStations };
}

/** What the station's reports need of the store (kept narrow for the service below). */
interface ReportStore {
  stationId: string;
  audit: { head(): AuditHead & { at: string }; verify(heads: readonly AuditHead[]): AuditVerification; append(officerId: string | null, action: string, detail: Record<string, unknown>, at: string): void };
  tx<T>(fn: () => T): T;
}

/**
 * The station's side of the reports: one at each local day change (checked every minute),
 * one at close, one when an administrator asks; the administrator's audit check reads them.
 */
export class DayReports {
  private day: string;
  constructor(
    private readonly store: ReportStore,
    private readonly dataDir: string,
    private readonly now: () => Date,
    private readonly localDate: (d: Date) => string,
  ) {
    this.day = localDate(now());
  }

  write(reason: ReportReason, date = this.localDate(this.now())) {
    const head = this.store.audit.head();
    return writeDayReport(this.dataDir, {
      stationId: this.store.stationId, date, writtenAt: this.now().toISOString(), reason,
      audit: { seq: head.seq, hash: head.hash, lastAt: head.at },
    });
  }

  /** Called on a timer: when the local day has changed, the day that ended gets its report. */
  tick(): void {
    const today = this.localDate(this.now());
    if (today === this.day) return;
    const ended = this.day;
    this.day = today;
    this.write('day-end', ended);
  }

  /** An administrator's export: recorded in the trail first, so the head includes it. */
  exportNow(officerId: string): { fileName: string; date: string; seq: number; hash: string } {
    const at = this.now().toISOString();
    this.store.tx(() => this.store.audit.append(officerId, 'audit.exportHead', {}, at));
    const { file, report } = this.write('on-demand');
    return { fileName: path.basename(file), date: report.date, seq: report.audit.seq, hash: report.audit.hash };
  }

  verify() {
    const { heads } = readHeads([path.join(this.dataDir, REPORTS_DIR)], this.store.stationId);
    return this.store.audit.verify(heads);
  }
}
