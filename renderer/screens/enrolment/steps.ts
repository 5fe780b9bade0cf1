// The five steps of an enrolment and how far each has come, as colour + icon + word.
import type { EnrolmentView } from '../../../electron/contract-types';
import type { Tone } from '../../lib/statuses';

export const STEPS = ['mrz', 'documents', 'photo', 'fingerprints', 'summary'] as const;
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
    case 'documents':
      return view.missing.includes('documents') ? 'todo' : 'done';
    case 'photo':
      return view.missing.includes('photo') ? 'todo' : 'done';
    case 'fingerprints':
      return view.missing.includes('fingerprints') ? 'todo' : 'done';
    case 'summary':
      return view.missing.length === 0 ? 'done' : 'todo';
  }
}
