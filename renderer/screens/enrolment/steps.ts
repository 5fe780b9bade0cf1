// The steps of an enrolment and how far each has come, as colour + icon + word.
import type { EnrolmentView } from '../../../electron/contract-types';
import type { Tone } from '../../lib/statuses';

export const STEPS = ['mrz', 'identity', 'details', 'documents', 'photo', 'fingerprints', 'summary'] as const;
export type StepId = (typeof STEPS)[number];

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
    case 'documents':
      return view.missing.includes('documents') ? 'todo' : 'done';
    case 'photo':
      if (view.missing.includes('photo_checks')) return 'check';
      return view.missing.includes('photo') ? 'todo' : 'done';
    case 'fingerprints':
      return view.missing.includes('fingerprints') || view.missing.includes('fingerprint_reason') ? 'todo' : 'done';
    case 'summary':
      return view.missing.length === 0 ? 'done' : 'todo';
  }
}

/** Which step answers each missing item (the summary's list leads there). */
export const MISSING_STEP: Record<EnrolmentView['missing'][number], StepId> = {
  mrz: 'mrz', mrz_held: 'mrz', identity: 'identity', disagreement_name: 'identity', disagreement_birthDate: 'identity',
  disagreement_sex: 'identity', details: 'details', payment: 'details', documents: 'documents', photo: 'photo',
  photo_checks: 'photo', fingerprints: 'fingerprints', fingerprint_reason: 'fingerprints',
};
