// The steps of an enrolment and how far each has come, as colour + icon + word. The service
// step shows only for a service that has one (replacement, lost, damaged).
import type { EnrolmentView, MissingItem } from '../../../electron/contract-types';
import type { Service } from '../../../domain/catalog';
import { hasServiceStep } from '../../../domain/service-step';
import { SERVICE_STEP_ITEMS } from '../../../domain/service-step-completeness';
import type { Tone } from '../../lib/statuses';

export const STEPS = ['mrz', 'identity', 'details', 'service', 'documents', 'photo', 'fingerprints', 'signature', 'summary'] as const;
export type StepId = (typeof STEPS)[number];

/** The steps this applicant's enrolment has, in order. */
export function visibleSteps(view: EnrolmentView): StepId[] {
  return STEPS.filter((s) => s !== 'service' || hasServiceStep(view.appointment.service as Service));
}

/** The step where a missing item is put right. */
export function stepOfMissing(m: EnrolmentView['missing'][number]): StepId {
  const known = (MISSING_STEP as Record<string, StepId | undefined>)[m];
  if (known) return known;
  if (m === 'signature') return m;
  if (m === 'documents' || m.startsWith('document_')) return 'documents';
  // The old passport's number and expiry come from its MRZ.
  if (m === 'old_passport_mrz') return 'mrz';
  return 'service';
}

export type StepState = 'done' | 'todo' | 'check' | 'optional';

export const STEP_LOOK: Record<StepState, { tone: Tone; icon: string }> = {
  done: { tone: 'ready', icon: '✔' },
  todo: { tone: 'waiting', icon: '◷' },
  check: { tone: 'problem', icon: '⚠' },
  optional: { tone: 'done', icon: '○' },
};

export function stepState(view: EnrolmentView, step: StepId): StepState {
  switch (step) {
    case 'mrz':
      if (!view.mrz) return view.appointment.service === 'new' ? 'optional' : 'todo';
      return view.mrz.valid && view.mrz.disagreements.length === 0 ? 'done' : 'check';
    case 'identity':
      if (view.missing.some((m) => m === 'identity' || m.startsWith('disagreement_'))) return 'todo';
      return view.identity.nikWarning ? 'check' : 'done';
    case 'details':
      return view.missing.includes('details') || view.missing.includes('payment') ? 'todo' : 'done';
    case 'service':
      return view.missing.some((m) => (SERVICE_STEP_ITEMS as readonly string[]).includes(m) && m !== 'old_passport_mrz') ? 'todo' : 'done';
    case 'documents':
      return view.missing.some((m) => stepOfMissing(m) === 'documents') ? 'todo' : 'done';
    case 'signature':
      return view.missing.includes('signature') ? 'todo' : 'done';
    case 'photo':
      if (view.missing.includes('photo_checks')) return 'check';
      return view.missing.includes('photo') ? 'todo' : 'done';
    case 'fingerprints':
      return view.missing.includes('fingerprints') || view.missing.includes('fingerprint_reason') ? 'todo' : 'done';
    case 'summary':
      return view.missing.length === 0 ? 'done' : 'todo';
  }
}

/** Which step answers each item of the identity and completeness rules (the summary's list leads there). */
export const MISSING_STEP: Record<MissingItem, StepId> = {
  mrz: 'mrz', mrz_held: 'mrz', identity: 'identity', disagreement_name: 'identity', disagreement_birthDate: 'identity',
  disagreement_sex: 'identity', details: 'details', payment: 'details', documents: 'documents', photo: 'photo',
  photo_checks: 'photo', fingerprints: 'fingerprints', fingerprint_reason: 'fingerprints',
};
