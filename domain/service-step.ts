// The service-specific step of an enrolment: what a replacement records about the old
// passport, and the interview record (BAP, Berita Acara Pemeriksaan) a lost or damaged
// passport needs. The shapes are checked by the station (contract) and by the screen alike.
import { z } from 'zod';
import type { Service } from './catalog';
import { isoDateField } from './fields';

/** What happens to the old passport once the new one is issued. */
export const OLD_PASSPORT_DISPOSITIONS = ['cancelled_returned', 'kept'] as const;
export type OldPassportDisposition = (typeof OLD_PASSPORT_DISPOSITIONS)[number];

/** What the step asks for, per service. A damaged passport is brought in (its data is
 *  recorded) and also needs a BAP; a lost one needs the police report. */
export interface ServiceStepKind { oldPassport: boolean; bap: boolean; policeReport: boolean }

export function serviceStepKind(service: Service): ServiceStepKind {
  switch (service) {
    case 'replace_expired':
    case 'replace_full':
      return { oldPassport: true, bap: false, policeReport: false };
    case 'replace_damaged':
      return { oldPassport: true, bap: true, policeReport: false };
    case 'replace_lost':
      return { oldPassport: false, bap: true, policeReport: true };
    case 'replace_disaster':
      return { oldPassport: false, bap: true, policeReport: false };
    case 'new':
      return { oldPassport: false, bap: false, policeReport: false };
  }
}

/** Whether the enrolment shows the service step at all. */
export const hasServiceStep = (service: Service): boolean => {
  const k = serviceStepKind(service);
  return k.oldPassport || k.bap;
};

/** A saved value may be cleared again while the officer types: '' means "not given". */
const cleared = z.literal('');
export const BAP_TEXT_MAX = 4000;

export const oldPassportInput = z.object({
  issueDate: z.union([isoDateField, cleared]).optional(),
  disposition: z.enum(OLD_PASSPORT_DISPOSITIONS, 'choose').optional(),
}).strict();
export type OldPassportInput = z.infer<typeof oldPassportInput>;

export const bapInput = z.object({
  policeReportNumber: z.string().trim().max(60, 'too_long').optional(),
  policeReportDate: z.union([isoDateField, cleared]).optional(),
  /** What happened, in the applicant's words. */
  narrative: z.string().max(BAP_TEXT_MAX, 'too_long').optional(),
  /** The officer's finding. */
  finding: z.string().max(BAP_TEXT_MAX, 'too_long').optional(),
  /** The officer finds the loss or damage was by force majeure: no fine. */
  forceMajeure: z.boolean().optional(),
}).strict();
export type BapInput = z.infer<typeof bapInput>;

/** What is kept in the enrolment row (each field as last typed). */
export interface OldPassportData { issueDate?: string; disposition?: OldPassportDisposition }
export interface BapData { policeReportNumber?: string; policeReportDate?: string; narrative?: string; finding?: string; forceMajeure?: boolean }

/** A typed text counts as given once it has a few letters: "-" or "." is not a statement. */
export const isStated = (s: string | undefined): boolean => (s ?? '').replace(/[^\p{L}\p{N}]/gu, '').length >= 3;

/**
 * The issue dates an old passport can carry, from the expiry its MRZ gives: an Indonesian
 * book is issued on the same day and month as it expires, 5 or 10 years before (10 only
 * for books issued since the 10-year passport). Both are offered — the officer picks the one
 * printed in the book — and only dates not after today. 29 February falls back to the 28th.
 */
export function issueDateCandidates(expiry: string | null, today: string): { years: 5 | 10; date: string }[] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(expiry ?? '');
  if (!m) return [];
  const out: { years: 5 | 10; date: string }[] = [];
  for (const years of [5, 10] as const) {
    const y = Number(m[1]) - years;
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    const day = m[2] === '02' && m[3] === '29' && !leap ? '28' : m[3]!;
    const date = `${String(y).padStart(4, '0')}-${m[2]}-${day}`;
    if (date <= today) out.push({ years, date });
  }
  return out;
}
