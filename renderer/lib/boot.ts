// The two questions the app asks before its first screen (first run? someone logged in?),
// asked as soon as the entry module runs rather than after React's first render: the
// WebSocket opens and the station answers while React is still starting (in the browser
// host the station may itself still be opening its store). The first load() takes these
// answers; a retry asks again.
import type { SessionInfo, SetupStatus } from '../../electron/contract-types';
import { call } from './station';

export type BootAnswers = [SetupStatus, SessionInfo | null];

let early: Promise<BootAnswers> | null = null;

function ask(): Promise<BootAnswers> {
  // Both questions at once: one round trip less before the first screen.
  return Promise.all([call('setup.status', {}), call('auth.session', {})]);
}

/** Starts the questions now; called once from the entry module, before rendering. */
export function askEarly(): void {
  early = ask();
  // Not lost: bootAnswers() hands this promise (and its failure) to the app.
  early.catch(() => undefined);
}

/** The early answers the first time, fresh ones after that. */
export function bootAnswers(): Promise<BootAnswers> {
  const answers = early ?? ask();
  early = null;
  return answers;
}
