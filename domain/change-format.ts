// The replicated change: what one station tells the others (and the office) about one
// write to one row. Shared by the station's change log, its apply side and, later, the
// office service, so all of them read the same shape and refuse the same things.
//
// Format 1:
//   { format: 1, changeId: "<station id>:<sequence>", stationId, table, rowId,
//     op: "upsert" | "delete", values: { column: value, … }, hlc: "<hlc string>" }
// `values` holds only the columns the write changed (all of them when a row is created),
// as JSON values; binary columns never travel here (a blob's sealed bytes move separately,
// referenced by the blob row's id). A delete carries no values: it is a tombstone.
import { z } from 'zod';
import { HLC_PATTERN } from './hlc';

export const CHANGE_FORMAT_VERSION = 1;

/** A column's value as it travels: SQLite's text/integer/real/null, or a list (officer roles). */
const valueSchema = z.union([z.string(), z.number(), z.null(), z.array(z.string())]);
export type ChangeValue = z.infer<typeof valueSchema>;

const changeV1Schema = z.object({
  format: z.literal(1),
  changeId: z.string().regex(/^[A-Za-z0-9-]+:\d+$/),
  stationId: z.string().min(1).max(64),
  table: z.string().regex(/^[a-z][a-z0-9_]*$/),
  rowId: z.string().min(1).max(200),
  op: z.enum(['upsert', 'delete']),
  values: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), valueSchema),
  hlc: z.string().regex(HLC_PATTERN),
}).strict().refine((c) => c.op === 'upsert' || Object.keys(c.values).length === 0, { message: 'a delete carries no values', path: ['values'] })
  .refine((c) => c.changeId.startsWith(`${c.stationId}:`), { message: 'the change id names another station', path: ['changeId'] });

export type Change = z.infer<typeof changeV1Schema>;
export const changeSchema = changeV1Schema;

export type ChangeReadResult =
  | { ok: true; change: Change }
  | { ok: false; code: 'change_format_unknown' | 'change_invalid'; message: string; params: Record<string, string | number> };

/**
 * Reads one change as received. A change of a format this version does not know is
 * refused with a sentence, never guessed at: a newer station's change could mean
 * something this version would misread.
 */
export function readChange(input: unknown): ChangeReadResult {
  const format = typeof input === 'object' && input !== null ? (input as { format?: unknown }).format : undefined;
  if (format !== CHANGE_FORMAT_VERSION) {
    const found = typeof format === 'number' || typeof format === 'string' ? format : 'none';
    return {
      ok: false, code: 'change_format_unknown', params: { found, supported: CHANGE_FORMAT_VERSION },
      message: `This change is in change format ${String(found)}; this version of Loket reads format ${CHANGE_FORMAT_VERSION}. Update Loket on the station that reads it (or the one that wrote it) so both use the same format.`,
    };
  }
  const parsed = changeSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') ?? '';
    return {
      ok: false, code: 'change_invalid', params: { field: where },
      message: `This change cannot be read: the field "${where}" is not valid (${issue?.message ?? 'unknown'}). It was set aside; the others go on.`,
    };
  }
  return { ok: true, change: parsed.data };
}
