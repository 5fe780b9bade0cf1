// Importing the day's appointments from the booking system's export. A file with bad rows
// imports nothing unless the officer chooses to import the valid rows; importing the same
// file twice changes nothing (rows are matched by booking code and compared by digest).
import { createHash } from 'node:crypto';
import type { ImportNote, ImportPreview, ImportResult } from '../contract-types';
import { checkText, decodeExport } from './appointment-encoding';
import { readAppointmentFile } from './appointment-file';
import { validateRows, type ValidRow } from './appointment-rows';
import { loadPhoneRules } from './appointment-phone';
import { localDate } from '../../domain/dates';
import type { Store } from '../store/store';
import { StationError } from './errors';
import { ImportUploads } from './import-uploads';

type Existing = Map<string, { id: string; sourceHash: string | null }>;
/** The file as the contract brings it: text, or bytes in base64 (so the encoding can be told). */
export interface ImportFileInput { content?: string | undefined; contentBase64?: string | undefined }
interface Checked { preview: ImportPreview; valid: ValidRow[]; existing: Existing }

export class ImportService {
  /**
   * The last file checked: the officer previews, then commits the same file, so the commit
   * reuses the rows already parsed and validated (matched by a digest of the content and
   * the day). What is in the store is always read again.
   */
  private last: { key: string; file: Omit<Checked, 'existing' | 'preview'> & { preview: Omit<ImportPreview, 'unchangedRows'> } } | null = null;

  /** Files sent in chunks, until they are imported. */
  readonly uploads: ImportUploads;

  constructor(private readonly store: Store, private readonly now: () => Date, private readonly changed: (date: string) => void) {
    this.uploads = new ImportUploads(() => this.now().getTime());
  }

  /** The file as the contract named it: inline (text or bytes), or this session's finished upload (bytes). */
  source(owner: object, officerId: string, i: ImportFileInput & { fileName: string; uploadId?: string | undefined }): ImportFileInput {
    if (i.uploadId !== undefined) return { contentBase64: this.uploads.content(owner, officerId, i.uploadId, i.fileName) };
    return i.contentBase64 !== undefined ? { contentBase64: i.contentBase64 } : { content: i.content };
  }

  private check(fileName: string, input: ImportFileInput): Checked {
    const today = localDate(this.now());
    const raw = input.contentBase64 !== undefined ? `b64:${input.contentBase64}` : `txt:${input.content ?? ''}`;
    const key = `${today}:${fileName}:${createHash('sha1').update(raw).digest('hex')}`;
    const parsed = this.last?.key === key ? this.last.file : this.parse(fileName, input, today);
    this.last = { key, file: parsed };
    const existing = this.store.appointments.sourceHashesByCodes(parsed.valid.map((v) => v.fields.bookingCode));
    const unchangedRows = parsed.valid.filter((v) => existing.get(v.fields.bookingCode)?.sourceHash === v.sourceHash).length;
    return { valid: parsed.valid, existing, preview: { ...parsed.preview, unchangedRows } };
  }

  private parse(fileName: string, input: ImportFileInput, today: string): { valid: ValidRow[]; preview: Omit<ImportPreview, 'unchangedRows'> } {
    const guessed = /\.json$/i.test(fileName) ? 'json' : 'csv';
    const refuse = (format: 'csv' | 'json', code: string, params?: Record<string, string | number>) => ({
      valid: [], preview: { format, totalRows: 0, validRows: 0, invalidRows: 0, issues: [], fileError: { code, ...(params ? { params } : {}) } },
    });
    if ((input.content === undefined) === (input.contentBase64 === undefined)) throw new StationError('bad_input', {}, 'content');
    const decoded = input.contentBase64 !== undefined ? decodeExport(Buffer.from(input.contentBase64, 'base64')) : checkText(input.content!);
    if (!decoded.ok) return refuse(guessed, decoded.code, decoded.params);
    const file = readAppointmentFile(fileName, decoded.text);
    if (!file.ok) return refuse(file.format, file.code, file.params);
    const { valid, issues, invalidRows, notes: rowNotes } = validateRows(file.records, file.format === 'csv' ? 2 : 1, today, file.fieldIssues);
    const notes: ImportNote[] = [];
    if (decoded.encoding === 'windows-1252') notes.push({ code: 'encoding_windows_1252' });
    if (rowNotes.phoneZeroRestored.length) {
      const rows = rowNotes.phoneZeroRestored;
      notes.push({ code: 'phone_zero_restored', params: { n: rows.length, rows: rows.slice(0, 20).join(', ') + (rows.length > 20 ? ', …' : '') } });
    }
    return {
      valid,
      preview: {
        format: file.format, encoding: decoded.encoding, totalRows: file.records.length, validRows: valid.length, invalidRows,
        issues: issues.slice(0, 2000), ...(notes.length ? { notes } : {}),
      },
    };
  }

  async preview(fileName: string, input: ImportFileInput): Promise<ImportPreview> {
    await loadPhoneRules();
    return this.check(fileName, input).preview;
  }

  async commit(officerId: string, fileName: string, input: ImportFileInput, acceptValidRows: boolean, uploadId?: string): Promise<ImportResult> {
    // Rows are checked with the phone numbering plans, loaded with the first import.
    await loadPhoneRules();
    const { preview, valid, existing: seenAtCheck } = this.check(fileName, input);
    if (preview.fileError) throw new StationError('import_invalid', { reason: preview.fileError.code, ...preview.fileError.params });
    if (preview.invalidRows > 0 && !acceptValidRows) throw new StationError('import_invalid', { invalidRows: preview.invalidRows });
    const at = this.now().toISOString();
    const result: ImportResult = { inserted: 0, updated: 0, unchanged: 0, skippedInvalid: preview.invalidRows };
    const dates = new Set<string>();
    this.store.tx(() => this.store.appointments.bulk(() => {
      // check() and this transaction run in one synchronous stretch of the single station
      // process, so nothing can have written in between.
      for (const v of valid) {
        const existing = seenAtCheck.get(v.fields.bookingCode);
        if (!existing) {
          this.store.appointments.insert(v.fields, { status: 'booked', priority: [], walkIn: false, sourceHash: v.sourceHash, at });
          result.inserted++;
        } else if (existing.sourceHash !== v.sourceHash) {
          // The booking system changed the booking (a new slot, payment made): take its data, keep our status.
          this.store.appointments.updateFields(existing.id, v.fields, v.sourceHash, at);
          result.updated++;
        } else {
          result.unchanged++;
          continue;
        }
        dates.add(v.fields.appointmentDate);
      }
      // The digest of the file as it came (its bytes when sent as bytes).
      const digest = createHash('sha256').update(input.contentBase64 !== undefined ? Buffer.from(input.contentBase64, 'base64') : Buffer.from(input.content ?? '')).digest('hex');
      this.last = null;
      this.store.imports.record({ fileName, digest, officerId, inserted: result.inserted, updated: result.updated, unchanged: result.unchanged, skipped: result.skippedInvalid, at });
      this.store.audit.append(officerId, 'import', { fileName, digest, ...result }, at);
    }));
    if (uploadId !== undefined) this.uploads.done(uploadId);
    for (const d of dates) this.changed(d);
    return result;
  }
}
