// The audit trail as the administrator and the head of office read it: filtered pages,
// the filters' choices, and a CSV export. An export is itself audited: it carries the
// officers' actions off the station.
import Papa from 'papaparse';
import type { AuditChoices, AuditExport, AuditRow } from '../contract-types';
import type { AuditFilter } from '../store/audit-query';
import type { Store } from '../store/store';

/** Rows past this are refused in one export: narrow the filter (a year at a busy office is ~200k). */
export const AUDIT_EXPORT_MAX_ROWS = 250_000;

export class AuditLogService {
  constructor(private readonly store: Store, private readonly now: () => Date) {}

  list(filter: AuditFilter, limit: number): AuditRow[] {
    return this.store.auditLog.page(filter, limit);
  }

  choices(): AuditChoices {
    return this.store.auditLog.choices();
  }

  export(officerId: string, filter: Omit<AuditFilter, 'before'>): AuditExport {
    const rows: string[][] = [];
    for (const r of this.store.auditLog.all(filter)) {
      if (rows.length >= AUDIT_EXPORT_MAX_ROWS) break;
      rows.push([String(r.seq), r.at, r.officerNip ?? '', r.officerName ?? '', r.action, JSON.stringify(r.detail)]);
    }
    const csv = Papa.unparse({ fields: ['seq', 'at', 'officer_nip', 'officer_name', 'action', 'detail'], data: rows });
    const at = this.now().toISOString();
    this.store.tx(() => this.store.audit.append(officerId, 'audit.export', { ...filter, rows: rows.length }, at));
    return { fileName: `audit-${this.store.stationId.slice(0, 8)}-${at.slice(0, 10)}.csv`, csv, rows: rows.length };
  }
}
