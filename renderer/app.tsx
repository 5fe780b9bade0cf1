// The top of the renderer: asks the station where it stands (first run? someone logged in?)
// and shows first-run, login, or the workspace with the lock screen over it when locked.
import { Suspense, lazy, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo, SetupStatus } from '../electron/contract-types';
import type { SessionEndReason } from '../electron/contract';
import { Alert } from './components/alert';
import { errorMessage } from './i18n/errors';
import { applyLanguage, storedLanguage } from './i18n';
import { call, on, onLinkChange } from './lib/station';
import { loginFormExpected } from './api';
import { bootAnswers } from './lib/boot';
import { LockScreen } from './screens/lock-screen';
import { LoginScreen } from './screens/login';
import type * as WorkspaceModuleNs from './screens/workspace';
type WorkspaceModule = typeof WorkspaceModuleNs;
// The workspace (every screen after login) is its own chunk: the login screen appears
// without waiting for it, and it is fetched in the background while the officer types.
let workspaceLoaded: WorkspaceModule | null = null;
const loadWorkspace = () => import('./screens/workspace').then((m) => { workspaceLoaded = m; return m; });
// Fetched while the officer typed, it is handed over at once (a thenable that resolves in the
// same call): the workspace then renders in the login's own commit, without a round through
// the Suspense fallback first.
const Workspace = lazy(() => (workspaceLoaded
  ? { then: (done: (m: { default: WorkspaceModule['Workspace'] }) => void) => done({ default: workspaceLoaded!.Workspace }) } as unknown as Promise<{ default: WorkspaceModule['Workspace'] }>
  : loadWorkspace().then((m) => ({ default: m.Workspace }))));
const prefetchWorkspace = (): void => { void loadWorkspace(); };
// Once per station: its form library and schemas stay out of the everyday login path.
const FirstRunScreen = lazy(() => import('./screens/first-run').then((m) => ({ default: m.FirstRunScreen })));

type Boot = { phase: 'loading' } | { phase: 'failed'; error: unknown } | { phase: 'ready'; setup: SetupStatus };

export function App() {
  const { t } = useTranslation();
  const [boot, setBoot] = useState<Boot>({ phase: 'loading' });
  const [session, setSessionState] = useState<SessionInfo | null>(null);
  const [handover, setHandover] = useState<string | null>(null);
  // Why the station ended this session on its own (shown on the login until the next login).
  const [ended, setEnded] = useState<SessionEndReason | null>(null);
  const sessionRef = useRef(session);
  // Read at call time so a language switch does not re-create setSession (and reload).
  const tRef = useRef(t);
  tRef.current = t;

  // Every session change goes through here, whether it came from a call or from the station's
  // session.changed event (which may arrive first): a different officer taking over the
  // station is always announced, whichever way it was learnt.
  const setSession = useCallback((next: SessionInfo | null) => {
    const before = sessionRef.current;
    if (before && next && before.officerId !== next.officerId) {
      setHandover(tRef.current('lock.handover', { previous: before.name, name: next.name }));
    }
    sessionRef.current = next;
    setSessionState(next);
  }, []);

  // Until the station's first answers arrive, a tab that has just traded its code at a station
  // past its first run shows the login form at once (renderer/api.ts): the officer can type
  // while the station opens its store. The answers then fill in the station's name, or (a
  // first run left unfinished) replace the form with the first-run screen.
  const [loginFirst, setLoginFirst] = useState(loginFormExpected);

  const load = useCallback(async () => {
    setBoot({ phase: 'loading' });
    try {
      const [setup, current] = await bootAnswers();
      setSession(setup.needsFirstAdmin ? null : current);
      setBoot({ phase: 'ready', setup });
    } catch (error) {
      setBoot({ phase: 'failed', error });
    }
    setLoginFirst(false);
  }, [setSession]);

  useEffect(() => { void load(); }, [load]);

  // The station may lock or end the session on its own (its idle timer, another window).
  useEffect(() => on('session.changed', (next) => setSession(next)), [setSession]);
  useEffect(() => on('session.ended', (p) => setEnded(p.reason)), []);

  // Sessions live per connection: after the link comes back, ask which one we have now (or
  // start over if the station was not there when the app opened).
  const failedRef = useRef(false);
  failedRef.current = boot.phase === 'failed';
  useEffect(() => onLinkChange((online) => {
    if (!online) return;
    if (failedRef.current) void load();
    else call('auth.session', {}).then((s) => setSession(s), () => undefined);
  }), [setSession, load]);

  // The station's "today" can move on while the app stays open overnight: read it at login.
  const officerId = session?.officerId;
  useEffect(() => {
    if (!officerId) return;
    call('setup.status', {}).then((setup) => setBoot((b) => (b.phase === 'ready' ? { phase: 'ready', setup } : b)), () => undefined);
  }, [officerId]);

  // The officer's language follows them; before login the local choice applies.
  useEffect(() => { void applyLanguage(session?.language ?? storedLanguage()); }, [session?.language]);

  if (boot.phase === 'loading' && loginFirst) {
    // The same element as the login below, so what was typed stays when the answers come.
    return <LoginScreen setup={null} onDone={(s) => { setEnded(null); setSession(s); }} onShown={prefetchWorkspace} ended={ended} />;
  }
  if (boot.phase === 'loading') {
    return <main className="center-screen" data-testid="boot-loading"><p className="lead">{t('boot.connecting')}</p></main>;
  }
  if (boot.phase === 'failed') {
    return (
      <main className="center-screen" data-testid="boot-failed">
        <Alert tone="problem">{errorMessage(t, boot.error)}</Alert>
        <button type="button" className="btn btn-primary" autoFocus onClick={() => void load()}>{t('action.retry')}</button>
      </main>
    );
  }
  if (boot.setup.needsFirstAdmin) {
    return (
      <Suspense fallback={<main className="center-screen" data-testid="first-run-loading" />}>
        <FirstRunScreen
          setup={boot.setup}
          onDone={(s) => { setBoot({ phase: 'ready', setup: { ...boot.setup, needsFirstAdmin: false } }); setSession(s); }}
        />
      </Suspense>
    );
  }
  if (!session) {
    return <LoginScreen setup={boot.setup} onDone={(s) => { setEnded(null); setSession(s); }} onShown={prefetchWorkspace} ended={ended} />;
  }

  const locked = session.state === 'locked';
  return (
    <Suspense fallback={<main className="center-screen" data-testid="workspace-loading" />}>
      <Workspace
        key={session.officerId}
        session={session}
        today={boot.setup.today}
        locked={locked}
        setSession={setSession}
        initialNotice={handover}
        onNoticeShown={() => setHandover(null)}
      />
      {locked && <LockScreen session={session} onUnlocked={setSession} onLoggedOut={() => setSession(null)} />}
    </Suspense>
  );
}
