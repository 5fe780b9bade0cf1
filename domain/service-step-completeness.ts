// What the service step, the document checklist and the signature still lack before an
// enrolment may go for approval. Pure: the station calls it from its view (the station, not
// the screen, decides completeness) and the screen marks its steps with the same items.
import type { DocumentType, Service } from './catalog';
import { documentChecklist, type ServiceRules } from './service-rules';
import { isStated, serviceStepKind, type BapData, type OldPassportData } from './service-step';

/** Items of the service step, in the order the step asks for them. */
export const SERVICE_STEP_ITEMS = [
  'old_passport_mrz', 'old_passport_issue_date', 'old_passport_disposition',
  'police_report', 'bap_narrative', 'bap_finding', 'bap_signed',
] as const;
export type ServiceStepItem = (typeof SERVICE_STEP_ITEMS)[number];
/** An open line of the document checklist, named by its usual (first) document type. */
export type DocumentItem = `document_${DocumentType}`;
export type ServiceStepMissing = ServiceStepItem | DocumentItem | 'signature';

export interface ServiceStepFacts {
  service: Service;
  /** The old passport as its MRZ was read (number and expiry come from there), if read. */
  mrz: { documentNumber: string; expiryDate: string | null } | null;
  oldPassport: OldPassportData | undefined;
  bap: BapData | undefined;
  /** Document types with at least one page kept. */
  scanned: ReadonlySet<DocumentType>;
  hasSignature: boolean;
}

export function serviceStepMissing(rules: ServiceRules, f: ServiceStepFacts): ServiceStepMissing[] {
  const kind = serviceStepKind(f.service);
  const missing: ServiceStepMissing[] = [];
  if (kind.oldPassport) {
    if (!f.mrz) missing.push('old_passport_mrz');
    if (!f.oldPassport?.issueDate) missing.push('old_passport_issue_date');
    if (!f.oldPassport?.disposition) missing.push('old_passport_disposition');
  }
  if (kind.bap) {
    if (kind.policeReport && (!(f.bap?.policeReportNumber ?? '').trim() || !f.bap?.policeReportDate)) missing.push('police_report');
    if (!isStated(f.bap?.narrative)) missing.push('bap_narrative');
    if (!isStated(f.bap?.finding)) missing.push('bap_finding');
    // The signed record is scanned back as a document of the application.
    if (!f.scanned.has('bap_signed')) missing.push('bap_signed');
  }
  for (const line of documentChecklist(rules, f.service, f.scanned)) {
    if (!line.satisfiedBy) missing.push(`document_${line.anyOf[0]!}`);
  }
  if (!f.hasSignature) missing.push('signature');
  return missing;
}

/**
 * The one list the officer reads: the general items (enrolment-completeness.ts) and the
 * service step's, with no fact named twice. An old passport whose MRZ is not read is the
 * general 'mrz' (step 1, where it is put right), not also 'old_passport_mrz'; "no document
 * at all" says nothing more than the checklist's open lines (`document_ktp`, …) beside it.
 */
export function mergeMissing<A extends string, B extends string>(general: readonly A[], service: readonly B[]): (A | B)[] {
  const has = (m: string): boolean => (general as readonly string[]).includes(m) || (service as readonly string[]).includes(m);
  const checklistOpen = service.some((m) => m.startsWith('document_'));
  const drop = (m: string): boolean => (m === 'old_passport_mrz' && has('mrz')) || (m === 'documents' && checklistOpen);
  return [...general.filter((m) => !drop(m)), ...service.filter((m) => !drop(m))];
}
