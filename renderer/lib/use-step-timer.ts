// Time spent on each step of an enrolment, measured where the officer works: from showing a
// step until leaving it (another step, another screen, the submit). The station adds the
// seconds up per step (enrolment.stepTime) and the supervisor's review shows them.
import { useEffect } from 'react';
import { call } from './station';

/** Below this a step was only passed through (a key held down), not worked on. */
const MIN_SECONDS = 0.5;

export function useStepTimer(appointmentId: string, step: string): void {
  useEffect(() => {
    const started = performance.now();
    return () => {
      const seconds = Math.round((performance.now() - started) / 100) / 10;
      if (seconds < MIN_SECONDS) return;
      void call('enrolment.stepTime', { appointmentId, step, seconds: Math.min(seconds, 4 * 3600) }).catch(() => undefined);
    };
  }, [appointmentId, step]);
}
