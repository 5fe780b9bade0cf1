// The service rules the counter applies — validity, fees, fines, required documents — as pure
// functions over a rules file (resources/rules/immigration-rules.json). The figures are data,
// each with its source and date, shipped with a release and replaceable by an administrator
// with a newer file; the functions never hold a figure of their own.
import { z } from 'zod';
import { DOCUMENT_TYPES, SERVICES, type DocumentType, type PassportType, type Service } from './catalog';

const rupiah = z.number().int().min(0).max(100_000_000);
const source = z.object({ title: z.string().min(1), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), note: z.string().optional() }).strict();
const byYears = z.object({ 5: rupiah, 10: rupiah }).strict();
const checklistLine = z.array(z.enum(DOCUMENT_TYPES)).min(1);

export const serviceRulesSchema = z.object({
  format: z.literal(1),
  version: z.string().min(1).max(40),
  title: z.string().min(1),
  effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  currency: z.literal('IDR'),
  fees: z.object({
    passport: z.object({ ordinary: byYears, electronic: byYears }).strict(),
    sameDayService: rupiah,
    source,
  }).strict(),
  fines: z.object({ replace_lost: rupiah, replace_damaged: rupiah, replace_disaster: rupiah, source }).strict(),
  validity: z.object({
    years: z.tuple([z.literal(5), z.literal(10)]),
    tenYearsMinimumAge: z.number().int().min(0).max(30),
    tenYearsIfMarried: z.boolean(),
    source,
  }).strict(),
  documents: z.object({
    ...Object.fromEntries(SERVICES.map((s) => [s, z.array(checklistLine).min(1)])) as Record<Service, z.ZodArray<typeof checklistLine>>,
    source,
  }).strict(),
}).strict();

export type ServiceRules = z.infer<typeof serviceRulesSchema>;
export type ValidityYears = 5 | 10;

/** Whole years between a birth date and a day (both YYYY-MM-DD): the age on that day. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The longest validity the applicant may have on the enrolment day. */
export function maxValidityYears(rules: ServiceRules, applicant: { birthDate: string; married: boolean }, enrolmentDay: string): ValidityYears {
  const v = rules.validity;
  if (ageOn(applicant.birthDate, enrolmentDay) >= v.tenYearsMinimumAge) return 10;
  if (v.tenYearsIfMarried && applicant.married) return 10;
  return 5;
}

export interface FeeLine { item: 'passport' | 'same_day' | 'fine'; amount: number }

/** What the applicant pays: the passport, the same-day service if chosen, and a fine for a lost
 *  or damaged passport (none for a disaster, or when the officer finds force majeure). */
export function feeLines(rules: ServiceRules, a: { passportType: PassportType; years: ValidityYears; service: Service; sameDay: boolean; forceMajeure?: boolean }): FeeLine[] {
  const lines: FeeLine[] = [{ item: 'passport', amount: rules.fees.passport[a.passportType][a.years] }];
  if (a.sameDay) lines.push({ item: 'same_day', amount: rules.fees.sameDayService });
  const fine = fineFor(rules, a.service, a.forceMajeure ?? false);
  if (fine > 0) lines.push({ item: 'fine', amount: fine });
  return lines;
}

export function fineFor(rules: ServiceRules, service: Service, forceMajeure: boolean): number {
  if (forceMajeure) return 0;
  if (service === 'replace_lost' || service === 'replace_damaged' || service === 'replace_disaster') return rules.fines[service];
  return 0;
}

export const total = (lines: readonly FeeLine[]): number => lines.reduce((s, l) => s + l.amount, 0);

export interface ChecklistLine {
  /** Any one of these satisfies the line; the first is the usual one. */
  anyOf: readonly DocumentType[];
  /** The type that satisfied it, if any page of one has been scanned. */
  satisfiedBy: DocumentType | null;
}

/** The service's document checklist against the types already scanned, in the file's order. */
export function documentChecklist(rules: ServiceRules, service: Service, scanned: ReadonlySet<DocumentType>): ChecklistLine[] {
  return rules.documents[service].map((anyOf) => ({ anyOf, satisfiedBy: anyOf.find((t) => scanned.has(t)) ?? null }));
}

/** The document type to scan next: the first of the first line still open, else null. */
export function nextDocumentType(lines: readonly ChecklistLine[]): DocumentType | null {
  return lines.find((l) => !l.satisfiedBy)?.anyOf[0] ?? null;
}
