// Everything after login: the tab bar of the screens this officer's roles open, the current
// screen, and the status bar. Global shortcuts and the idle lock live here.
import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../electron/contract-types';
import type { Role } from '../../electron/contract';
import { Alert } from '../components/alert';
import { StatusBar } from '../components/status-bar';
import { TabBar, type Tab } from '../components/tab-bar';
import { errorMessage } from '../i18n/errors';
import { hasAnyRole } from '../../domain/catalog';
import { SessionContext, type Notice, type SessionContextValue } from '../lib/session';
import { call } from '../lib/station';
import { useHotkeys } from '../lib/use-hotkeys';
import { useIdleLock } from '../lib/use-idle-lock';
import { clearRoute, readRoute, saveRoute } from '../lib/route';
import { QueueScreen } from './queue';
import { ReceiptNotice, type SubmittedReceipt } from './receipt-notice';

// The queue is the screen of the day and comes with the workspace; the others are their
// own chunks, fetched when first opened (a few milliseconds from this station's disk).
const DevicesScreen = lazy(() => import('./devices').then((m) => ({ default: m.DevicesScreen })));
const EnrolmentScreen = lazy(() => import('./enrolment/enrolment-screen').then((m) => ({ default: m.EnrolmentScreen })));
const ImportScreen = lazy(() => import('./import').then((m) => ({ default: m.ImportScreen })));
const OfficersScreen = lazy(() => import('./officers').then((m) => ({ default: m.OfficersScreen })));
const SettingsScreen = lazy(() => import('./settings').then((m) => ({ default: m.SettingsScreen })));
const NumbersScreen = lazy(() => import('./numbers').then((m) => ({ default: m.NumbersScreen })));
const AuditScreen = lazy(() => import('./audit').then((m) => ({ default: m.AuditScreen })));
const ReviewScreen = lazy(() => import('./review/review-screen').then((m) => ({ default: m.ReviewScreen })));
const WalkInScreen = lazy(() => import('./walk-in').then((m) => ({ default: m.WalkInScreen })));
const PrintScreen = lazy(() => import('./print/print-screen').then((m) => ({ default: m.PrintScreen })));
const HandoverScreen = lazy(() => import('./handover/handover-screen').then((m) => ({ default: m.HandoverScreen })));
const TripScreen = lazy(() => import('./trip/trip-screen').then((m) => ({ default: m.TripScreen })));

export type ScreenId = 'queue' | 'walkin' | 'import' | 'devices' | 'officers' | 'settings' | 'numbers' | 'audit' | 'review' | 'print' | 'handover' | 'trip';

interface ScreenDef extends Tab<ScreenId> { roles: readonly Role[] }

// The roles here mirror who the contract lets call each screen's methods; the station still
// checks every call.
const SCREENS: readonly ScreenDef[] = [
  { id: 'queue', key: 'F4', roles: ['counter', 'supervisor', 'print', 'admin'] },
  { id: 'walkin', key: 'F2', roles: ['counter', 'supervisor'] },
  { id: 'import', key: 'F3', roles: ['counter', 'supervisor', 'admin'] },
  { id: 'devices', key: 'F6', roles: ['technician', 'admin'] },
  { id: 'officers', key: 'F7', roles: ['admin'] },
  { id: 'settings', key: 'F8', roles: ['admin'] },
  { id: 'numbers', key: 'F9', roles: ['supervisor', 'head'] },
  { id: 'audit', key: 'F10', roles: ['admin', 'supervisor', 'head'] },
  { id: 'review', key: 'F12', roles: ['supervisor'] },
  { id: 'print', key: 'F11', roles: ['print', 'supervisor', 'head'] },
  // The print room's second job, beside printing: handing the passport over (or posting it).
  { id: 'handover', key: 'Shift+F11', roles: ['print', 'supervisor'] },
  // The mobile unit's trip, beside the settings (also opened from there): trip.prepare's roles.
  { id: 'trip', key: 'Shift+F8', roles: ['admin', 'technician'] },
];

interface Props {
  session: SessionInfo;
  today: string;
  locked: boolean;
  setSession: (s: SessionInfo | null) => void;
  initialNotice: string | null;
  onNoticeShown: () => void;
}

export function Workspace({ session, today, locked, setSession, initialNotice, onNoticeShown }: Props) {
  const { t } = useTranslation();
  const tabs = useMemo(() => SCREENS.filter((s) => hasAnyRole(session.roles, s.roles)), [session.roles]);
  // A reload comes back where the officer was (route.ts): the screen, the applicant, the step.
  const [initialRoute] = useState(() => readRoute(session.officerId ?? ''));
  const [screen, setScreen] = useState<ScreenId>(() => {
    const saved = tabs.find((s) => s.id === initialRoute?.screen);
    return saved?.id ?? tabs[0]?.id ?? 'devices';
  });
  const [notice, setNotice] = useState<Notice | null>(initialNotice ? { tone: 'info', text: initialNotice } : null);
  // The enrolment is opened from the queue and lives on the queue tab until the officer goes back.
  const [enrolmentId, setEnrolmentId] = useState<string | null>(initialRoute?.screen === 'queue' ? initialRoute.enrolmentId : null);
  const stepRef = useRef<string | null>(initialRoute?.step ?? null);
  const remember = useCallback((patch: { screen?: ScreenId; enrolmentId?: string | null; step?: string | null }) => {
    if ('step' in patch) stepRef.current = patch.step ?? null;
    saveRoute({ officerId: session.officerId ?? '', screen: patch.screen ?? screen, enrolmentId: patch.enrolmentId !== undefined ? patch.enrolmentId : enrolmentId, step: stepRef.current });
  }, [session.officerId, screen, enrolmentId]);
  useEffect(() => { remember({ screen, enrolmentId, ...(enrolmentId ? {} : { step: null }) }); }, [screen, enrolmentId, remember]);
  // After unlock, focus goes back to where the officer was (the screens stayed mounted): the
  // last control focused inside the workspace, remembered as focus moves.
  const workspaceRef = useRef<HTMLDivElement>(null);
  const lastFocus = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const onIn = (e: FocusEvent) => {
      if (e.target instanceof HTMLElement && workspaceRef.current?.contains(e.target)) lastFocus.current = e.target;
    };
    document.addEventListener('focusin', onIn);
    return () => document.removeEventListener('focusin', onIn);
  }, []);
  const wasLocked = useRef(locked);
  useEffect(() => {
    const unlocked = wasLocked.current && !locked;
    wasLocked.current = locked;
    const el = lastFocus.current;
    if (unlocked && el?.isConnected) requestAnimationFrame(() => el.focus());
  }, [locked]);
  // The applicant's receipt after the last submit (printed, or why not, with Reprint).
  const [receipt, setReceipt] = useState<SubmittedReceipt | null>(null);

  useEffect(() => { if (initialNotice) onNoticeShown(); }, [initialNotice, onNoticeShown]);

  const go = useCallback((id: ScreenId) => {
    if (tabs.some((s) => s.id === id)) setScreen(id);
    if (id === 'queue') setEnrolmentId(null);
  }, [tabs]);

  const lock = useCallback(() => {
    call('auth.lock', {}).then(setSession, () => {
      // Lock the screen even when the station cannot be reached: the desk must not stay open.
      setSession({ ...session, state: 'locked' });
    });
  }, [session, setSession]);

  const logout = useCallback(() => {
    clearRoute();
    call('auth.logout', {}).finally(() => setSession(null)).catch(() => undefined);
  }, [setSession]);

  const switchLanguage = useCallback(() => {
    call('auth.setLanguage', { language: session.language === 'id' ? 'en' : 'id' })
      .then(setSession, (err: unknown) => setNotice({ tone: 'problem', text: errorMessage(t, err) }));
  }, [session.language, setSession, t]);

  useIdleLock(!locked, session.idleLockMinutes, lock);

  const hotkeys = Object.fromEntries(tabs.map((s) => [s.key, () => go(s.id)]));
  // F5 is "refresh" where a screen has something to refresh; elsewhere it must not reload the
  // page, which in the browser host would drop the session.
  useHotkeys({ ...hotkeys, F5: () => undefined, 'Alt+L': lock, 'Alt+K': logout, 'Alt+B': switchLanguage }, !locked, 'global');

  const ctx = useMemo<SessionContextValue>(() => ({
    session,
    today,
    setSession,
    hasRole: (...roles) => hasAnyRole(session.roles, roles),
    notify: setNotice,
  }), [session, today, setSession]);

  const back = useCallback(() => go(tabs[0]?.id ?? 'devices'), [go, tabs]);

  return (
    <SessionContext.Provider value={ctx}>
      <div className="workspace" ref={workspaceRef} inert={locked} aria-hidden={locked}>
        <header className="top-bar">
          <span className="brand">{t('app.name')}</span>
          <TabBar tabs={tabs} current={screen} onSelect={go} />
        </header>
        {notice && (
          <div className="notice-row">
            <Alert tone={notice.tone} testId="notice">{notice.text}</Alert>
            <button type="button" className="btn btn-quiet" onClick={() => setNotice(null)} aria-label={t('action.dismiss')}>✕</button>
          </div>
        )}
        {receipt && screen === 'queue' && !enrolmentId && <ReceiptNotice key={receipt.appointmentId} receipt={receipt} onDismiss={() => setReceipt(null)} />}
        <main className="screen" data-testid={`screen-${screen === 'queue' && enrolmentId ? 'enrolment' : screen}`}>
          {/* Screens stay mounted under the lock screen so a half-typed form survives it. */}
          <Suspense fallback={null}>
          {screen === 'queue' && !enrolmentId && <QueueScreen onEnrol={(row) => setEnrolmentId(row.id)} />}
          {screen === 'queue' && enrolmentId && (
            <EnrolmentScreen
              key={enrolmentId}
              appointmentId={enrolmentId}
              initialStep={stepRef.current}
              onStep={(step) => remember({ step })}
              onBack={() => setEnrolmentId(null)}
              onSubmitted={(v) => {
                setNotice({ tone: 'ready', text: t('enrolment.submitted', { name: v.appointment.fullName, code: v.appointment.bookingCode }) });
                setReceipt(v.receipt ? { appointmentId: v.appointment.id, outcome: v.receipt } : null);
                setEnrolmentId(null);
              }}
            />
          )}
          {screen === 'walkin' && <WalkInScreen onDone={() => go('queue')} onBack={back} />}
          {screen === 'import' && <ImportScreen onBack={back} />}
          {screen === 'devices' && <DevicesScreen />}
          {screen === 'officers' && <OfficersScreen />}
          {screen === 'settings' && <SettingsScreen onTrip={() => go('trip')} />}
          {screen === 'numbers' && <NumbersScreen />}
          {screen === 'audit' && <AuditScreen />}
          {screen === 'review' && <ReviewScreen />}
          {screen === 'print' && <PrintScreen />}
          {screen === 'handover' && <HandoverScreen />}
          {screen === 'trip' && <TripScreen />}
          </Suspense>
        </main>
        <StatusBar session={session} onLanguage={switchLanguage} onLock={lock} onLogout={logout} />
      </div>
    </SessionContext.Provider>
  );
}
