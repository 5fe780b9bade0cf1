// The enrolment as the screens see it (EnrolmentView): built from the store row, the
// appointment's images and the service rules on every read, never kept, so what is shown
// is always what is stored. The service's writes (enrolment.ts) return it.
import type {
  DetailsView, DocumentPageInfo, DocumentType, EnrolmentView, IdentityView, PhotoInfo, ReturnNotice, ServiceStepView, SignatureInfo, SupervisorFlag,
} from '../contract-types';
import { compareWithBooking } from '../../domain/mrz/compare-booking';
import { missingForSubmit } from '../../domain/enrolment-completeness';
import { currentIdentity, nikWarning, type Identity } from '../../domain/enrolment-identity';
import { documentChecklist, feeLines, fineFor, maxValidityYears, nextDocumentType, total } from '../../domain/service-rules';
import { localDate } from '../../domain/dates';
import { serviceStepKind } from '../../domain/service-step';
import { mergeMissing, serviceStepMissing } from '../../domain/service-step-completeness';
import type { Service } from '../../domain/catalog';
import type { Store } from '../store/store';
import type { QueueService } from './queue';
import type { ServiceRulesService } from './service-rules';
import { contentHash } from './content-hash';
import { BLOB_OWNER, enrolmentData, type EnrolmentData } from './enrolment-data';

/** What the view is read from. */
export interface EnrolmentViewSources { store: Store; queue: QueueService; rules: ServiceRulesService; now: () => Date }
type ServiceRules = ReturnType<ServiceRulesService['current']>;

export function enrolmentView(src: EnrolmentViewSources, appointmentId: string): EnrolmentView {
  const appointment = src.queue.get(appointmentId);
  const data = enrolmentData(src.store, appointmentId);
  const blobs = src.store.blobs.listFor(BLOB_OWNER, appointmentId);
  const documents: DocumentPageInfo[] = blobs.filter((b) => b.kind === 'document').map((b) => ({
    blobId: b.id, docType: b.meta.docType as DocumentType, page: Number(b.meta.page), mime: b.mime,
    width: Number(b.meta.width), height: Number(b.meta.height), resolution: Number(b.meta.resolution), createdAt: b.createdAt,
  }));
  const photoBlob = blobs.filter((b) => b.kind === 'photo').at(-1);
  const photo: PhotoInfo | null = photoBlob ? {
    blobId: photoBlob.id, width: Number(photoBlob.meta.width), height: Number(photoBlob.meta.height),
    camera: String(photoBlob.meta.camera ?? ''), checks: (photoBlob.meta.checks ?? {}) as PhotoInfo['checks'], createdAt: photoBlob.createdAt,
    ...(typeof photoBlob.meta.overrideReason === 'string' ? { overrideReason: photoBlob.meta.overrideReason } : {}),
  } : null;
  const fingerprints = data.fingerprints ?? [];
  const identity = identityView(appointment, data);
  const details = detailsView(src, appointment, data, identity.current);
  const failedChecks = photo ? Object.entries(photo.checks).filter(([, v]) => v === false).map(([k]) => k) : [];
  const missing = missingForSubmit({
    service: appointment.service,
    mrz: { present: Boolean(data.mrz), held: Boolean(data.mrzHeld) },
    identityConfirmed: identity.confirmed,
    disagreements: identity.disagreements.map((d) => d.field),
    disagreementsKept: identity.disagreementsKept,
    detailsConfirmed: details.chosen !== null,
    payment: { paid: appointment.paymentStatus === 'paid', overridden: details.payment.override !== null },
    documents: documents.length,
    photo: photo ? { failedChecks, keptWithReason: Boolean(photoBlob?.meta.keptReason) } : null,
    fingerprints: fingerprints.map((f) => ({ status: f.status, reason: f.missingReason, note: f.note })),
  });
  // The service step, the document checklist and the signature add their own items.
  const extra = serviceParts(src.rules.current(), appointment.service as Service, data, documents, blobs);
  const missingAll: EnrolmentView['missing'] = mergeMissing(missing, extra.missing);
  const updatedAt = src.store.enrolments.get(appointmentId)?.updatedAt ?? appointment.updatedAt;
  const base = {
    appointment, documents, photo, fingerprints, mrz: data.mrz ?? null, mrzHeld: data.mrzHeld ?? null, missing: missingAll, updatedAt,
    identity, details, flags: supervisorFlags(identity, details, appointment.passportType),
    service: extra.service, checklist: extra.checklist, nextDocType: nextDocumentType(extra.checklist), signature: extra.signature,
  };
  return { ...base, contentHash: contentHash(base), lastReturn: appointment.status === 'returned' ? lastReturn(src.store, appointmentId) : null };
}

export function identityView(a: EnrolmentView['appointment'], data: EnrolmentData): IdentityView {
  const booked: Identity = { fullName: a.fullName, birthPlace: a.birthPlace, birthDate: a.birthDate, sex: a.sex, nik: a.nik };
  const corrections = data.corrections ?? [];
  const current = currentIdentity(booked, corrections);
  // The old passport is compared with the identity as corrected: a correction that takes the
  // passport's value answers that disagreement.
  const disagreements = data.mrz ? compareWithBooking(data.mrz, { birthDate: current.birthDate, sex: current.sex, fullName: current.fullName }) : [];
  return {
    booked, current, corrections, confirmed: Boolean(data.identityConfirmed),
    disagreementsKept: data.identityConfirmed?.keptDisagreements ?? [], disagreements, nikWarning: nikWarning(current),
  };
}

function detailsView(src: EnrolmentViewSources, a: EnrolmentView['appointment'], data: EnrolmentData, current: Identity): DetailsView {
  const rules = src.rules.current();
  const chosen = data.details ?? null;
  const passportType = chosen?.passportType ?? a.passportType;
  // The booking system bills the validity the rules give on the appointment day; the
  // counter applies them on the day of enrolment, to the identity as corrected.
  const bookedValidityYears = maxValidityYears(rules, { birthDate: a.birthDate, married: false }, a.appointmentDate);
  const validityYears = maxValidityYears(rules, { birthDate: current.birthDate, married: chosen?.married ?? false }, localDate(src.now()));
  const service = a.service as Parameters<typeof feeLines>[1]['service'];
  const lines = feeLines(rules, { passportType, years: validityYears, service, sameDay: chosen?.sameDay ?? false });
  const bookedFee = total(feeLines(rules, { passportType: a.passportType, years: bookedValidityYears, service, sameDay: false }));
  const o = data.paymentOverride;
  return {
    chosen, validityYears, bookedValidityYears, bookedFee,
    fee: { lines, total: total(lines), rulesVersion: rules.version },
    payment: {
      status: a.paymentStatus, billingCode: a.billingCode,
      override: o ? { supervisorName: o.supervisorName, supervisorNip: o.supervisorNip, reason: o.reason, at: o.at } : null,
    },
  };
}

/** The supervisor's latest return of this enrolment: reason code, note, when and who. */
function lastReturn(store: Store, appointmentId: string): ReturnNotice | null {
  const r = enrolmentData(store, appointmentId).returns?.at(-1);
  return r ? { reason: r.reason, note: r.note, at: r.at, officerName: store.officers.byId(r.officerId)?.name ?? null } : null;
}

/** The service step, the document checklist and the signature, with what each still misses. */
function serviceParts(rules: ServiceRules, service: Service, data: EnrolmentData, documents: DocumentPageInfo[], blobs: { id: string; kind: string; meta: Record<string, unknown>; createdAt: string }[]) {
  const kind = serviceStepKind(service);
  const scanned = new Set(documents.map((d) => d.docType));
  const checklist = documentChecklist(rules, service, scanned);
  const s = blobs.filter((b) => b.kind === 'signature').at(-1);
  const signature: SignatureInfo | null = s ? {
    blobId: s.id, width: Number(s.meta.width), height: Number(s.meta.height), source: s.meta.source === 'pad' ? 'pad' : 'crop',
    fromBlobId: typeof s.meta.fromBlobId === 'string' ? s.meta.fromBlobId : null, createdAt: s.createdAt,
  } : null;
  const step: ServiceStepView = {
    kind,
    oldPassport: kind.oldPassport ? { ...data.oldPassport, number: data.mrz?.documentNumber ?? null, expiryDate: data.mrz?.expiryDate ?? null } : null,
    bap: kind.bap ? (data.bap ?? {}) : null,
    fine: kind.bap ? fineFor(rules, service, data.bap?.forceMajeure ?? false) : 0,
    fineSource: rules.fines.source.title,
  };
  const missing = serviceStepMissing(rules, {
    service, mrz: data.mrz ?? null, oldPassport: data.oldPassport, bap: data.bap, scanned, hasSignature: signature !== null,
  });
  return { service: step, checklist, signature, missing };
}

/** What the supervisor's review must look at, in the order the steps come. */
function supervisorFlags(identity: IdentityView, details: DetailsView, bookedType: 'ordinary' | 'electronic'): SupervisorFlag[] {
  const flags: SupervisorFlag[] = [];
  for (const field of new Set(identity.corrections.map((c) => c.field))) flags.push({ kind: 'correction', field });
  if (identity.nikWarning) flags.push({ kind: 'nik_warning', problem: identity.nikWarning });
  for (const field of identity.disagreementsKept) flags.push({ kind: 'disagreement_kept', field });
  if (details.validityYears !== details.bookedValidityYears) flags.push({ kind: 'validity_differs', booked: details.bookedValidityYears, now: details.validityYears });
  if (details.chosen && details.chosen.passportType !== bookedType) flags.push({ kind: 'passport_type_changed', booked: bookedType, now: details.chosen.passportType });
  if (details.payment.override) flags.push({ kind: 'payment_override', supervisorName: details.payment.override.supervisorName });
  return flags;
}
